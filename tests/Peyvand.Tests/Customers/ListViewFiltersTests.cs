using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Lists;
using Peyvand.Kernel.Resources;

namespace Peyvand.Tests.Customers;

/// <summary>
/// Filters relative to the caller (birthday windows, date-only bounds in their zone), and saved views whose filters are
/// exactly the list route's parameters: the same rows through the API, export, bulk and the UI's code path.
/// </summary>
public abstract class ListViewFiltersTests(PeyvandAppFactory app)
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    private static async Task<Guid> ContactAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", body);
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string collection, string query, string property = "lastName") =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/{collection}?{query}&limit=200&sort={(collection == "contacts" ? "lastName" : "name")}"))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty(property).GetString()!)];

    private Task<int> SettingsAsync(TestTenant tenant, Guid userId, string? calendar, string? timeZone) =>
        app.InTenantAsync(tenant.Id, db => db.Set<AppUser>().Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Calendar, calendar).SetProperty(u => u.TimeZone, timeZone)));

    private static DateOnly TodayIn(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

    [Fact]
    public async Task Birthdays_this_month_is_the_callers_Jalali_or_Gregorian_month()
    {
        var tenant = await app.CreateTenantAsync();
        var today = TodayIn(Tehran);
        var persian = new PersianCalendar();
        var at = today.ToDateTime(TimeOnly.MinValue);
        var jalaliStart = DateOnly.FromDateTime(persian.ToDateTime(persian.GetYear(at), persian.GetMonth(at), 1, 0, 0, 0, 0));
        var jalaliEnd = jalaliStart.AddDays(persian.GetDaysInMonth(persian.GetYear(at), persian.GetMonth(at)) - 1);
        var gregorianStart = new DateOnly(today.Year, today.Month, 1);
        var gregorianEnd = gregorianStart.AddMonths(1).AddDays(-1);
        // A day of this Gregorian month outside this Jalali month, and the other way round (the months are offset by about ten days).
        var gregorianOnly = Enumerable.Range(0, gregorianEnd.DayNumber - gregorianStart.DayNumber + 1).Select(gregorianStart.AddDays)
            .First(d => d < jalaliStart || d > jalaliEnd);
        var jalaliOnly = Enumerable.Range(0, jalaliEnd.DayNumber - jalaliStart.DayNumber + 1).Select(jalaliStart.AddDays)
            .First(d => d < gregorianStart || d > gregorianEnd);
        string Born(DateOnly day) => new DateOnly(1990, day.Month, day.Month == 2 && day.Day == 29 ? 28 : day.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ContactAsync(tenant.Admin, new { lastName = "Both", birthday = Born(today) });
        await ContactAsync(tenant.Admin, new { lastName = "Gregorian", birthday = Born(gregorianOnly) });
        await ContactAsync(tenant.Admin, new { lastName = "Jalali", birthday = Born(jalaliOnly) });
        await ContactAsync(tenant.Admin, new { lastName = "None" });

        await SettingsAsync(tenant, tenant.AdminUserId, "jalali", "Asia/Tehran");
        Assert.Equal(["Both", "Jalali"], await NamesAsync(tenant.Admin, "contacts", "birthdays=thisMonth"));
        await SettingsAsync(tenant, tenant.AdminUserId, "gregorian", "Asia/Tehran");
        Assert.Equal(["Both", "Gregorian"], await NamesAsync(tenant.Admin, "contacts", "birthdays=thisMonth"));
        // The organisation's calendar (Jalali) when the user has not chosen one.
        await SettingsAsync(tenant, tenant.AdminUserId, null, null);
        Assert.Equal(["Both", "Jalali"], await NamesAsync(tenant.Admin, "contacts", "birthdays=thisMonth"));
        Assert.Contains("Both", await NamesAsync(tenant.Admin, "contacts", "birthdays=next7"));

        var both = await (await tenant.Admin.GetAsync("/api/v1/contacts?birthdays=thisMonth&birthdayFrom=01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(both.GetProperty("errors").TryGetProperty("birthdays", out _));
        var unknown = await (await tenant.Admin.GetAsync("/api/v1/contacts?birthdays=someday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("birthdays", out _));
    }

    [Fact]
    public async Task Date_only_bounds_are_whole_days_of_the_callers_zone_in_the_list_export_and_bulk()
    {
        var tenant = await app.CreateTenantAsync();
        // 21:00 UTC on 20 March 2026 is 00:30 on 21 March in Tehran.
        var late = await ContactAsync(tenant.Admin, new { lastName = "Late" });
        var early = await ContactAsync(tenant.Admin, new { lastName = "Early" });
        await app.InTenantAsync(tenant.Id, async db =>
        {
            await db.Set<Contact>().Where(c => c.Id == late).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CreatedAt, new DateTime(2026, 3, 20, 21, 0, 0, DateTimeKind.Utc))
                .SetProperty(c => c.UpdatedAt, new DateTime(2026, 3, 20, 21, 0, 0, DateTimeKind.Utc)));
            return await db.Set<Contact>().Where(c => c.Id == early).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CreatedAt, new DateTime(2026, 3, 20, 10, 0, 0, DateTimeKind.Utc))
                .SetProperty(c => c.UpdatedAt, new DateTime(2026, 3, 20, 10, 0, 0, DateTimeKind.Utc)));
        });

        await SettingsAsync(tenant, tenant.AdminUserId, null, "Asia/Tehran");
        Assert.Equal(["Late"], await NamesAsync(tenant.Admin, "contacts", "createdFrom=2026-03-21&createdTo=2026-03-21"));
        Assert.Equal(["Early"], await NamesAsync(tenant.Admin, "contacts", "createdTo=2026-03-20"));
        Assert.Equal(["Late"], await NamesAsync(tenant.Admin, "contacts", "updatedFrom=" + Uri.EscapeDataString("۲۰۲۶-۰۳-۲۱")));
        // An instant with its offset is that instant, whatever the zone.
        Assert.Equal(["Late"], await NamesAsync(tenant.Admin, "contacts", "createdFrom=" + Uri.EscapeDataString("2026-03-20T20:00:00Z")));

        var export = await tenant.Admin.GetAsync("/api/v1/contacts/export?format=csv&lang=en&columns=lastName&createdFrom=2026-03-21");
        await export.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(["Last name", "Late"], Encoding.UTF8.GetString((await export.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var bulk = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { filter = new { createdTo = "2026-03-20" }, action = "addTag", value = "early" });
        await bulk.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await bulk.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Equal(["Early"], await NamesAsync(tenant.Admin, "contacts", "tag=early"));

        // A user in UTC reads the same dates as UTC days.
        await SettingsAsync(tenant, tenant.AdminUserId, null, "UTC");
        Assert.Equal(["Early", "Late"], await NamesAsync(tenant.Admin, "contacts", "createdFrom=2026-03-20&createdTo=2026-03-20"));
    }

    [Fact]
    public async Task A_saved_views_filters_passed_to_the_list_give_the_rows_the_page_shows()
    {
        var tenant = await app.CreateTenantAsync();
        await SettingsAsync(tenant, tenant.AdminUserId, "jalali", "Asia/Tehran");
        var today = TodayIn(Tehran).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var born = TodayIn(Tehran) is var t ? new DateOnly(1990, t.Month, t.Month == 2 && t.Day == 29 ? 28 : t.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        await ContactAsync(tenant.Admin, new { lastName = "Lead", lifecycleStage = "lead", birthday = born });
        await ContactAsync(tenant.Admin, new { lastName = "Mql", lifecycleStage = "mql", birthday = born });
        await ContactAsync(tenant.Admin, new { lastName = "Customer", lifecycleStage = "customer", birthday = born });
        await ContactAsync(tenant.Admin, new { lastName = "NoBirthday", lifecycleStage = "lead" });

        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/saved-views", new
        {
            name = "Leads born this month",
            entity = "contacts",
            filters = new Dictionary<string, string> { ["lifecycleStage"] = "lead,mql", ["birthdays"] = "thisMonth", ["createdFrom"] = today, ["unassigned"] = "false" },
        });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var viewId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var view = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/saved-views/{viewId}");
        var filters = view.GetProperty("filters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var query = string.Join("&", filters.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var api = await NamesAsync(tenant.Admin, "contacts", query);
        Assert.Equal(["Lead", "Mql"], api);

        // The page's code path: the view's filters read by name, prepared for the user, then the list's filter.
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(tenant.Id, tenant.AdminUserId, null, CancellationToken.None));
        var filter = await scope.ServiceProvider.PrepareFilterAsync(ListFilterParameters.Bind<ContactFilter>(filters), CancellationToken.None);
        var page = await scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>()
            .ListAsync(new ListQuery(null, 200, null, "lastName"), CancellationToken.None, q => ContactResource.Filter(q, filter));
        Assert.Equal(api, page.Items.Select(c => c.LastName));
    }

    [Fact]
    public async Task Views_saved_with_the_old_no_owner_value_keep_working_as_unassigned_after_the_migration()
    {
        var tenant = await app.CreateTenantAsync();
        var unowned = await ContactAsync(tenant.Admin, new { lastName = "Unowned" });
        await ContactAsync(tenant.Admin, new { lastName = "Owned" });
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/saved-views", new { name = "Old", entity = "contacts", filters = new { tag = "x" } });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var viewId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        // What the page stored before: "no owner" as ownerId=none.
        await app.InTenantAsync(tenant.Id, async db =>
        {
            var view = await db.Set<SavedView>().SingleAsync(v => v.Id == viewId);
            view.Filters = new() { ["ownerId"] = "none", ["lifecycleStage"] = "lead" };
            await db.Set<Contact>().Where(c => c.Id == unowned).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (Guid?)null));
            return await db.SaveChangesAsync();
        });

        Microsoft.EntityFrameworkCore.Migrations.Migration migration = app.Provider == Peyvand.Kernel.Data.DatabaseProvider.Sqlite
            ? new Peyvand.Migrations.Sqlite.Migrations.SavedViewUnassignedFilter()
            : new Peyvand.Migrations.Postgres.Migrations.SavedViewUnassignedFilter();
        await app.InTenantAsync(tenant.Id, async db =>
        {
            foreach (var sql in migration.UpOperations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>())
                await db.Database.ExecuteSqlRawAsync(sql.Sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)); // braces are literal here
            return 0;
        });

        var filters = (await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/saved-views/{viewId}")).GetProperty("filters")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(new Dictionary<string, string> { ["lifecycleStage"] = "lead", ["unassigned"] = "true" }, filters);
        Assert.Equal(["Unowned"], await NamesAsync(tenant.Admin, "contacts", string.Join("&", filters.Select(f => $"{f.Key}={f.Value}"))));
    }

    [Fact]
    public async Task A_saved_views_filters_are_checked_against_the_list_routes_parameters()
    {
        var tenant = await app.CreateTenantAsync();
        async Task<JsonElement> ErrorsAsync(string entity, Dictionary<string, string> filters) =>
            (await (await tenant.Admin.PostAsJsonAsync("/api/v1/saved-views", new { name = "Bad", entity, filters }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        var errors = await ErrorsAsync("contacts", new() { ["spaceship"] = "x", ["lifecycleStage"] = "lead,nope", ["ownerId"] = "none" });
        Assert.True(errors.TryGetProperty("filters.spaceship", out _));
        Assert.True(errors.TryGetProperty("filters.ownerId", out _));
        errors = await ErrorsAsync("contacts", new() { ["lifecycleStage"] = "lead,nope", ["createdFrom"] = "yesterday" });
        Assert.True(errors.TryGetProperty("filters.lifecycleStage", out _));
        Assert.True(errors.TryGetProperty("filters.createdFrom", out _));
        errors = await ErrorsAsync("contacts", new() { ["birthdays"] = "thisMonth", ["birthdayTo"] = "03-01" });
        Assert.True(errors.TryGetProperty("filters.birthdays", out _));
        errors = await ErrorsAsync("contacts", new() { ["cf.nosuchfield"] = "1" });
        Assert.True(errors.TryGetProperty("filters.cf.nosuchfield", out _));
        errors = await ErrorsAsync("companies", new() { ["parentCompanyId"] = "acme", ["size"] = "huge" });
        Assert.True(errors.TryGetProperty("filters.parentCompanyId", out _));

        var parent = await tenant.CreateAsync("companies", new { name = "Holding" });
        var ok = await tenant.Admin.PostAsJsonAsync("/api/v1/saved-views", new
        {
            name = "Subsidiaries",
            entity = "companies",
            filters = new Dictionary<string, string> { ["parentCompanyId"] = parent.ToString(), ["size"] = "1-10,11-50", ["updatedFrom"] = "2026-01-01", ["unassigned"] = "true" },
        });
        await ok.ShouldHaveAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Companies_filter_by_parent_and_updated_range_in_the_callers_zone()
    {
        var tenant = await app.CreateTenantAsync();
        var parent = await tenant.CreateAsync("companies", new { name = "Holding" });
        var child = await tenant.CreateAsync("companies", new { name = "Shop", parentCompanyId = parent });
        await tenant.CreateAsync("companies", new { name = "Studio", parentCompanyId = parent });
        await app.InTenantAsync(tenant.Id, db => db.Set<Company>().Where(c => c.Id == child)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, new DateTime(2026, 3, 20, 21, 0, 0, DateTimeKind.Utc))));
        await SettingsAsync(tenant, tenant.AdminUserId, null, "Asia/Tehran");

        Assert.Equal(["Shop"], await NamesAsync(tenant.Admin, "companies", $"parentCompanyId={parent}&updatedFrom=2026-03-21&updatedTo=2026-03-21", "name"));
        Assert.Empty(await NamesAsync(tenant.Admin, "companies", $"parentCompanyId={parent}&updatedTo=2026-03-20", "name"));
    }
}

public sealed class ListViewFiltersTestsSqlite(SqliteApp app) : ListViewFiltersTests(app);

public sealed class ListViewFiltersTestsPostgres(PostgresApp app) : ListViewFiltersTests(app);
