using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

/// <summary>Contacts in the global search, best fit first (exact, then prefix, infix, typos), ranked like a searched list.</summary>
public sealed class ContactSearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Contacts;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var page = await db.Set<Contact>().AsNoTracking().BestAsync(db, query, c => c.SearchText, limit, cancellationToken);
        return [.. page.Select(c => new SearchHit("contact", c.Id, (c.FirstName + " " + c.LastName).Trim(), c.PrimaryEmail ?? c.PrimaryPhone))];
    }
}

/// <summary>Companies in the global search, best fit first.</summary>
public sealed class CompanySearch(PeyvandDbContext db) : ISearchProvider
{
    public string Resource => CustomersModule.Companies;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var page = await db.Set<Company>().AsNoTracking().BestAsync(db, query, c => c.SearchText, limit, cancellationToken);
        return [.. page.Select(c => new SearchHit("company", c.Id, c.Name, c.Industry))];
    }
}
