using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

/// <summary>Contacts in the global search, best fit first (exact, then prefix, infix, typos) among the newest matches.</summary>
public sealed class ContactSearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Contacts;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        await (await db.Set<Contact>().AsNoTracking().RankableAsync(db, query, c => c.SearchText, cancellationToken)).Newest()
            .OrderBy(Search.Relevance<Contact>(query, c => c.SearchText)).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new SearchHit("contact", c.Id, (c.FirstName + " " + c.LastName).Trim(), c.PrimaryEmail ?? c.PrimaryPhone))
            .ToListAsync(cancellationToken);
}

/// <summary>Companies in the global search, best fit first.</summary>
public sealed class CompanySearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Companies;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        await (await db.Set<Company>().AsNoTracking().RankableAsync(db, query, c => c.SearchText, cancellationToken)).Newest()
            .OrderBy(Search.Relevance<Company>(query, c => c.SearchText)).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new SearchHit("company", c.Id, c.Name, c.Industry))
            .ToListAsync(cancellationToken);
}
