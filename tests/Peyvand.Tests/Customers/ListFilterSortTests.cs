using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;

namespace Peyvand.Tests.Customers;

/// <summary>The list sorts and filters beyond names and tags, on both databases: order, paging across ties, bad input.</summary>
public abstract class ListFilterSortTests(PeyvandAppFactory app)
{
    private static async Task<Guid> CreateAsync(HttpClient client, string collection, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{collection}", body);
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    // Every page of a list, one record a page, so each tie is crossed by a cursor.
    private static async Task<List<JsonElement>> PagedAsync(HttpClient client, string url, int limit = 1)
    {
        var rows = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"{url}&limit={limit}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            rows.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.Clone()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return rows;
    }

    // Paging one by one gives exactly the one-page order: nothing skipped, nothing twice.
    private static async Task<List<string>> OrderedAsync(HttpClient client, string url, string property)
    {
        var one = await PagedAsync(client, url, limit: 200);
        var paged = await PagedAsync(client, url);
        Assert.Equal(one.Select(r => r.GetProperty("id").GetGuid()), paged.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(paged.Count, paged.Select(r => r.GetProperty("id").GetGuid()).Distinct().Count());
        return [.. paged.Select(r => r.GetProperty(property).ValueKind == JsonValueKind.Null ? "" : r.GetProperty(property).ToString())];
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string query) =>
        [.. (await PagedAsync(client, $"/api/v1/contacts?{query}&sort=lastName", 200)).Select(r => r.GetProperty("lastName").GetString()!)];

    [Fact]
    public async Task Stage_sort_follows_the_funnel_not_the_alphabet_across_pages_with_ties()
    {
        var tenant = await app.CreateTenantAsync();
        foreach (var (name, stage) in new[] { ("A", "churned"), ("B", "lead"), ("C", "customer"), ("D", "lead"), ("E", "subscriber"), ("F", "mql"), ("G", "lead") })
            await CreateAsync(tenant.Admin, "contacts", new { lastName = name, lifecycleStage = stage });

        Assert.Equal(["subscriber", "lead", "lead", "lead", "mql", "customer", "churned"],
            await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=lifecycleStage", "lifecycleStage"));
        Assert.Equal(["churned", "customer", "mql", "lead", "lead", "lead", "subscriber"],
            await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=-lifecycleStage", "lifecycleStage"));
    }

    [Fact]
    public async Task Birthday_sort_lists_contacts_without_one_first_and_pages_across_equal_dates()
    {
        var tenant = await app.CreateTenantAsync();
        foreach (var (name, birthday) in new[] { ("A", "1990-05-01"), ("B", null), ("C", "1980-01-20"), ("D", "1990-05-01"), ("E", null) })
            await CreateAsync(tenant.Admin, "contacts", new { lastName = name, birthday });

        Assert.Equal(["", "", "1980-01-20", "1990-05-01", "1990-05-01"], await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=birthday", "birthday"));
        Assert.Equal(["1990-05-01", "1990-05-01", "1980-01-20", "", ""], await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=-birthday", "birthday"));
    }

    [Fact]
    public async Task Owner_category_and_company_sorts_order_by_name_or_place_and_page_exactly()
    {
        var tenant = await app.CreateTenantAsync();
        var roleId = await tenant.RoleIdAsync("sales-rep");
        var (zed, _) = await tenant.UserWithRoleIdAsync(roleId, "Zed Owner");
        var (abe, _) = await tenant.UserWithRoleIdAsync(roleId, "Abe Owner");
        var categories = (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/customer-categories?sort=sortOrder")).GetProperty("items")
            .EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        var beta = await CreateAsync(tenant.Admin, "companies", new { name = "Beta" });
        var alpha = await CreateAsync(tenant.Admin, "companies", new { name = "Alpha" });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "A", ownerId = zed, categoryId = categories[^1], companyId = alpha });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "B", ownerId = abe, categoryId = categories[0], companyId = beta });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "C", ownerId = zed });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "D", ownerId = abe, categoryId = categories[0], companyId = alpha });

        var byOwner = await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=owner", "ownerId");
        Assert.Equal([abe, abe, zed, zed], byOwner.Select(Guid.Parse));
        Assert.Equal([zed, zed, abe, abe], (await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=-owner", "ownerId")).Select(Guid.Parse));
        Assert.Equal(["", categories[0].ToString(), categories[0].ToString(), categories[^1].ToString()],
            await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=category", "categoryId"));
        Assert.Equal(["", alpha.ToString(), alpha.ToString(), beta.ToString()],
            await OrderedAsync(tenant.Admin, "/api/v1/contacts?sort=company", "companyId"));
        // Filtered and sorted together.
        Assert.Equal([abe, abe], (await OrderedAsync(tenant.Admin, $"/api/v1/contacts?sort=owner&categoryId={categories[0]}", "ownerId")).Select(Guid.Parse));
    }

    [Fact]
    public async Task Contact_filters_by_stages_source_contact_points_owner_and_birthday_window()
    {
        var tenant = await app.CreateTenantAsync();
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "A", lifecycleStage = "lead", source = "website", birthday = "1990-03-21",
            emails = new[] { new { value = "a@example.com" } } });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "B", lifecycleStage = "mql", source = "referral", birthday = "1985-12-30",
            phones = new[] { new { value = "09121234567" } } });
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "C", lifecycleStage = "customer", source = "website", birthday = "2000-01-05" });
        var d = await CreateAsync(tenant.Admin, "contacts", new { lastName = "D", lifecycleStage = "lead", birthday = "1970-06-15" });
        await app.InTenantAsync(tenant.Id, async db =>
            await db.Set<Contact>().Where(c => c.Id == d).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (Guid?)null)));

        Assert.Equal(["A", "B", "D"], await NamesAsync(tenant.Admin, "lifecycleStage=lead,mql"));
        Assert.Equal(["A", "C"], await NamesAsync(tenant.Admin, "source=website"));
        Assert.Equal(["A"], await NamesAsync(tenant.Admin, "hasEmail=true"));
        Assert.Equal(["A", "C", "D"], await NamesAsync(tenant.Admin, "hasPhone=false"));
        Assert.Equal(["D"], await NamesAsync(tenant.Admin, "unassigned=true"));
        Assert.Equal(["A", "B", "C"], await NamesAsync(tenant.Admin, "unassigned=false"));
        Assert.Equal(["A"], await NamesAsync(tenant.Admin, "birthdayFrom=03-01&birthdayTo=03-31"));
        // A window across the new year.
        Assert.Equal(["B", "C"], await NamesAsync(tenant.Admin, "birthdayFrom=12-20&birthdayTo=01-10"));
        Assert.Equal(["C"], await NamesAsync(tenant.Admin, "birthdayTo=" + Uri.EscapeDataString("۰۱-۱۰")));
        Assert.Equal(["A"], await NamesAsync(tenant.Admin, "lifecycleStage=lead&source=website&birthdayFrom=03-21&birthdayTo=03-21"));
    }

    [Fact]
    public async Task Created_and_updated_ranges_take_iso_dates_and_instants()
    {
        var tenant = await app.CreateTenantAsync();
        await CreateAsync(tenant.Admin, "contacts", new { lastName = "A" });
        var second = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "B" });
        var createdAt = (await second.JsonAsync()).GetProperty("createdAt").GetDateTime().ToUniversalTime();
        // Dates are days of the caller's zone: the organisation's, Tehran.
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(createdAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran")));
        var today = local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = local.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var instant = Uri.EscapeDataString(createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["A", "B"], await NamesAsync(tenant.Admin, $"createdFrom={today}&createdTo={today}"));
        Assert.Empty(await NamesAsync(tenant.Admin, $"createdTo={yesterday}"));
        Assert.Equal(["B"], await NamesAsync(tenant.Admin, $"createdFrom={instant}"));
        Assert.Equal(["A", "B"], await NamesAsync(tenant.Admin, $"updatedFrom={yesterday}"));
        Assert.Empty(await NamesAsync(tenant.Admin, $"updatedTo={yesterday}"));
    }

    [Fact]
    public async Task Bad_filter_values_are_400_naming_each_field()
    {
        var tenant = await app.CreateTenantAsync();
        var problem = await (await tenant.Admin.GetAsync(
                "/api/v1/contacts?createdFrom=2026-13-01&updatedTo=yesterday&birthdayFrom=3-1&birthdayTo=02-30&lifecycleStage=lead,nope"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "createdFrom", "updatedTo", "birthdayFrom", "birthdayTo", "lifecycleStage" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        var companies = await (await tenant.Admin.GetAsync("/api/v1/companies?size=huge&createdTo=x")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(companies.GetProperty("errors").TryGetProperty("size", out _));
        Assert.True(companies.GetProperty("errors").TryGetProperty("createdTo", out _));
        await (await tenant.Admin.GetAsync("/api/v1/contacts/export?format=csv&birthdayFrom=13-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts?hasEmail=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Company_sizes_sort_smallest_first_and_filter_with_parent_owner_and_dates()
    {
        var tenant = await app.CreateTenantAsync();
        var parent = await CreateAsync(tenant.Admin, "companies", new { name = "Holding", size = "1000+" });
        await CreateAsync(tenant.Admin, "companies", new { name = "Shop", size = "1-10", parentCompanyId = parent });
        await CreateAsync(tenant.Admin, "companies", new { name = "Studio", size = "11-50", parentCompanyId = parent });
        await CreateAsync(tenant.Admin, "companies", new { name = "Unknown" });
        await CreateAsync(tenant.Admin, "companies", new { name = "Kiosk", size = "1-10" });

        Assert.Equal(["", "1-10", "1-10", "11-50", "1000+"], await OrderedAsync(tenant.Admin, "/api/v1/companies?sort=size", "size"));
        Assert.Equal(["1000+", "11-50", "1-10", "1-10", ""], await OrderedAsync(tenant.Admin, "/api/v1/companies?sort=-size", "size"));

        async Task<List<string>> Companies(string query) =>
            [.. (await PagedAsync(tenant.Admin, $"/api/v1/companies?{query}&sort=name", 200)).Select(r => r.GetProperty("name").GetString()!)];
        Assert.Equal(["Kiosk", "Shop", "Studio"], await Companies("size=1-10,11-50"));
        Assert.Equal(["Holding"], await Companies("size=" + Uri.EscapeDataString("1000+")));
        Assert.Equal(["Holding"], await Companies("size=1000+")); // "+" read as a space
        Assert.Equal(["Shop", "Studio"], await Companies($"parentCompanyId={parent}"));
        Assert.Equal(["Shop"], await Companies($"parentCompanyId={parent}&size=1-10"));
        Assert.Empty(await Companies("createdTo=2000-01-01"));
        Assert.Equal(5, (await Companies($"createdFrom=2000-01-01&ownerId={tenant.AdminUserId}&unassigned=false")).Count);
        Assert.Equal(5, (await OrderedAsync(tenant.Admin, "/api/v1/companies?sort=owner", "name")).Count);
        Assert.Equal(5, (await OrderedAsync(tenant.Admin, "/api/v1/companies?sort=-category", "name")).Count);
    }

    [Fact]
    public async Task Export_takes_the_new_filters_and_sorts()
    {
        var tenant = await app.CreateTenantAsync();
        foreach (var (name, stage) in new[] { ("A", "customer"), ("B", "lead"), ("C", "churned"), ("D", "subscriber") })
            await CreateAsync(tenant.Admin, "contacts", new { lastName = name, lifecycleStage = stage });

        var response = await tenant.Admin.GetAsync("/api/v1/contacts/export?format=csv&lang=en&columns=lastName&lifecycleStage=lead,customer,subscriber&sort=-lifecycleStage");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Last name", "A", "B", "D"], lines);
    }
}

public sealed class ListFilterSortTestsSqlite(SqliteApp app) : ListFilterSortTests(app);

public sealed class ListFilterSortTestsPostgres(PostgresApp app) : ListFilterSortTests(app);
