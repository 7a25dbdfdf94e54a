using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed class ContactSearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Contacts;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        await db.Set<Contact>().AsNoTracking().Matching(query, c => c.SearchText)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(limit)
            .Select(c => new SearchHit("contact", c.Id, (c.FirstName + " " + c.LastName).Trim(), c.PrimaryEmail ?? c.PrimaryPhone))
            .ToListAsync(cancellationToken);
}

public sealed class CompanySearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Companies;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        await db.Set<Company>().AsNoTracking().Matching(query, c => c.SearchText)
            .OrderBy(c => c.Name).Take(limit)
            .Select(c => new SearchHit("company", c.Id, c.Name, c.Industry))
            .ToListAsync(cancellationToken);
}
