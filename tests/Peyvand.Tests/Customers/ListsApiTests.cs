using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Auditing;

namespace Peyvand.Tests.Customers;

public abstract class ListsApiTests(PeyvandAppFactory app)
{
    private static async Task<Guid> ContactAsync(HttpClient client, string first, string last, string[]? tags = null, string stage = "lead")
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { firstName = first, lastName = last, tags = tags ?? [], lifecycleStage = stage });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> GetContactAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}");

    private static string[] Tags(JsonElement contact) => [.. contact.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task Bulk_add_tag_changes_the_selected_contacts_counts_the_unchanged_and_audits_each_change()
    {
        var tenant = await app.CreateTenantAsync();
        var a = await ContactAsync(tenant.Admin, "Ali", "Rezaei");
        var b = await ContactAsync(tenant.Admin, "Sara", "Ahmadi", ["vip"]);
        var untouched = await ContactAsync(tenant.Admin, "Reza", "Karimi");

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { a, b }, action = "addTag", value = "vip" });
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();

        Assert.Equal(1, result.GetProperty("changed").GetInt32());
        Assert.Equal(1, result.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, result.GetProperty("skipped").GetInt32());
        Assert.Equal(["vip"], Tags(await GetContactAsync(tenant.Admin, a)));
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, untouched)));
        Assert.Contains(await tenant.AuditOfAsync("Contact", a), e => e.GetProperty("action").GetString() == "update");
        Assert.Single(await tenant.AuditOfAsync("Contact", b)); // only its creation
        // The search text follows the new tag, as it would after an edit.
        var found = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=vip");
        Assert.Equal(2, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bulk_by_filter_changes_every_matching_contact_and_only_those()
    {
        var tenant = await app.CreateTenantAsync();
        var lead1 = await ContactAsync(tenant.Admin, "A", "One", stage: "lead");
        var lead2 = await ContactAsync(tenant.Admin, "B", "Two", stage: "lead");
        var customer = await ContactAsync(tenant.Admin, "C", "Three", stage: "customer");

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk",
            new { filter = new { lifecycleStage = "lead" }, action = "changeStage", value = "mql" });
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Equal("mql", (await GetContactAsync(tenant.Admin, lead1)).GetProperty("lifecycleStage").GetString());
        Assert.Equal("mql", (await GetContactAsync(tenant.Admin, lead2)).GetProperty("lifecycleStage").GetString());
        Assert.Equal("customer", (await GetContactAsync(tenant.Admin, customer)).GetProperty("lifecycleStage").GetString());
    }

    [Fact]
    public async Task Bulk_by_filter_takes_the_custom_field_filters_of_the_list()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new { entity = "contacts", key = "budget", type = "number", labelFa = "بودجه", labelEn = "Budget" });
        var small = await ContactAsync(tenant.Admin, "A", "Small", stage: "lead");
        var large = await ContactAsync(tenant.Admin, "B", "Large", stage: "lead");
        var largeCustomer = await ContactAsync(tenant.Admin, "C", "Customer", stage: "customer");
        foreach (var (id, budget) in new[] { (small, 10), (large, 500), (largeCustomer, 900) })
            await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { customFields = new { budget } })).ShouldHaveAsync(HttpStatusCode.OK);

        // The same filter as GET /contacts?lifecycleStage=lead&cf.budget.gte=100 (Persian digits are read as in the list).
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new
        {
            filter = new { lifecycleStage = "lead" },
            customFields = new Dictionary<string, string> { ["budget.gte"] = "۱۰۰" },
            action = "addTag",
            value = "big",
        });
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Equal(["big"], Tags(await GetContactAsync(tenant.Admin, large)));
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, small)));
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, largeCustomer)));

        // The cf. prefix may be kept, as a saved view stores it.
        var prefixed = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new
        {
            filter = new { },
            customFields = new Dictionary<string, string> { ["cf.budget.lt"] = "600" },
            action = "addTag",
            value = "mid",
        });
        await prefixed.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await prefixed.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, largeCustomer)));

        // Unknown fields, wrong operators and custom-field filters with ids are refused; nothing changes.
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { filter = new { }, customFields = new { salary = "1" }, action = "addTag", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { filter = new { }, customFields = new Dictionary<string, string> { ["budget.like"] = "1" }, action = "addTag", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { small }, customFields = new { budget = "10" }, action = "addTag", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["mid"], Tags(await GetContactAsync(tenant.Admin, small)));
    }

    [Fact]
    public async Task Bulk_by_filter_on_companies_takes_custom_field_filters()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new
        {
            entity = "companies", key = "region", type = "singleSelect", labelFa = "منطقه", labelEn = "Region",
            options = new[] { new { value = "north", labelFa = "شمال", labelEn = "North" }, new { value = "south", labelFa = "جنوب", labelEn = "South" } },
        });
        var north = await tenant.CreateAsync("companies", new { name = "Shomal Co", customFields = new { region = "north" } });
        var south = await tenant.CreateAsync("companies", new { name = "Jonoob Co", customFields = new { region = "south" } });

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/companies/bulk",
            new { filter = new { }, customFields = new { region = "north" }, action = "addTag", value = "caspian" });
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("changed").GetInt32());
        var tagsOf = async (Guid id) => Tags(await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}"));
        Assert.Equal(["caspian"], await tagsOf(north));
        Assert.Empty(await tagsOf(south));
    }

    [Fact]
    public async Task A_user_with_own_scope_cannot_bulk_change_others_records_they_are_skipped()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep); // update: own
        var mine = await ContactAsync(rep, "Mine", "Own");
        var admins = await ContactAsync(tenant.Admin, "Not", "Mine");
        var team = await tenant.CreateAsync("teams", new { name = "Sales", memberIds = new[] { repId, tenant.AdminUserId } });
        Assert.NotEqual(Guid.Empty, team); // the rep now sees the admin's contact, but may not change it
        rep = await tenant.ClientForUserAsync(repId);

        var response = await rep.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { mine, admins }, action = "addTag", value = "hot" });
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();

        Assert.Equal(1, result.GetProperty("changed").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        Assert.Equal(admins, result.GetProperty("skippedIds")[0].GetGuid());
        Assert.Equal(["hot"], Tags(await GetContactAsync(tenant.Admin, mine)));
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, admins)));

        // A rep may not delete at all.
        var delete = await rep.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { mine }, action = "delete" });
        await delete.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task One_invalid_record_fails_the_whole_bulk_request_and_nothing_is_changed()
    {
        var tenant = await app.CreateTenantAsync();
        var fine = await ContactAsync(tenant.Admin, "Fine", "Contact");
        var full = await ContactAsync(tenant.Admin, "Full", "Tags", [.. Enumerable.Range(1, 30).Select(i => $"t{i}")]);
        var before = await tenant.SnapshotAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { fine, full }, action = "addTag", value = "one-more" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith($"records.{full}.", StringComparison.Ordinal));
        Assert.Equal(before, await tenant.SnapshotAsync());
        Assert.Empty(Tags(await GetContactAsync(tenant.Admin, fine)));
    }

    [Fact]
    public async Task Bulk_requests_are_bounded_and_checked()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await ContactAsync(tenant.Admin, "A", "B");
        var tooMany = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToArray();
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = tooMany, action = "addTag", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { id }, action = "explode" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { id }, action = "changeStage", value = "king" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { action = "addTag", value = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bulk_delete_and_assign_owner_work_on_companies_and_deleted_ones_can_be_listed_and_restored()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var one = await tenant.CreateAsync("companies", new { name = "پارس" });
        var two = await tenant.CreateAsync("companies", new { name = "Kish Co" });
        var other = await app.CreateTenantAsync();
        var foreign = await other.CreateAsync("companies", new { name = "Foreign" });

        var assign = await tenant.Admin.PostAsJsonAsync("/api/v1/companies/bulk", new { ids = new[] { one, two, foreign }, action = "assignOwner", value = repId.ToString() });
        await assign.ShouldHaveAsync(HttpStatusCode.OK);
        var assigned = await assign.JsonAsync();
        Assert.Equal(2, assigned.GetProperty("changed").GetInt32());
        Assert.Equal(1, assigned.GetProperty("skipped").GetInt32()); // another tenant's id is simply not there

        var delete = await tenant.Admin.PostAsJsonAsync("/api/v1/companies/bulk", new { ids = new[] { one }, action = "delete" });
        await delete.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Contains(await tenant.AuditOfAsync("Company", one), e => e.GetProperty("action").GetString() == "delete");
        var deleted = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/companies/deleted");
        Assert.Equal(one, Assert.Single(deleted.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await tenant.Admin.PostAsync($"/api/v1/companies/{one}/restore", null)).ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/companies/deleted")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await other.Admin.GetFromJsonAsync<JsonElement>("/api/v1/companies/deleted")).GetProperty("items").GetArrayLength());
        Assert.Equal(foreign, (await other.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{foreign}")).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Csv_export_has_a_bom_persian_headers_and_text_and_respects_filters_and_tenants()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        await ContactAsync(tenant.Admin, "علی", "کاظمی", ["نمایشگاه"]);
        await ContactAsync(tenant.Admin, "Sara", "Ahmadi", ["other"]);
        await ContactAsync(other.Admin, "علی", "بیگانه", ["نمایشگاه"]);

        var response = await tenant.Admin.GetAsync($"/api/v1/contacts/export?format=csv&lang=fa&columns=name,tags&tag={Uri.EscapeDataString("نمایشگاه")}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["نام,برچسب‌ها", "علی کاظمی,نمایشگاه"], lines);

        var audit = await app.InTenantAsync(tenant.Id, db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.Export));
        Assert.Contains("exported 1 contacts", audit.Changes, StringComparison.Ordinal);
        Assert.Equal(tenant.AdminUserId, audit.UserId);
    }

    [Fact]
    public async Task Custom_fields_are_export_columns_and_their_cf_filters_narrow_the_export()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new
        {
            entity = "contacts", key = "tier", type = "singleSelect", labelFa = "سطح", labelEn = "Tier",
            options = new[] { new { value = "gold", labelFa = "طلایی", labelEn = "Gold" }, new { value = "silver", labelFa = "نقره‌ای", labelEn = "Silver" } },
        });
        var gold = await ContactAsync(tenant.Admin, "Nima", "Gold");
        var silver = await ContactAsync(tenant.Admin, "Sima", "Silver");
        foreach (var (id, tier) in new[] { (gold, "gold"), (silver, "silver") })
        {
            var patch = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { customFields = new { tier } });
            await patch.ShouldHaveAsync(HttpStatusCode.OK);
        }

        var csv = await tenant.Admin.GetStringAsync("/api/v1/contacts/export?format=csv&lang=fa&columns=lastName,cf.tier&cf.tier=gold");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["نام خانوادگی,سطح", "Gold,طلایی"], lines);
    }

    [Fact]
    public async Task Export_dates_follow_the_chosen_calendar_and_by_default_the_languages()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await ContactAsync(tenant.Admin, "Dara", "Calendar");
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { birthday = "1990-03-21" })).ShouldHaveAsync(HttpStatusCode.OK);
        async Task<string> BirthdayAsync(string query) =>
            (await tenant.Admin.GetStringAsync($"/api/v1/contacts/export?columns=birthday&{query}")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];

        Assert.Equal("1369/01/01", await BirthdayAsync("lang=fa")); // 1 Farvardin 1369, ASCII digits for spreadsheets
        Assert.Equal("1990/03/21", await BirthdayAsync("lang=en"));
        Assert.Equal("1369/01/01", await BirthdayAsync("lang=en&calendar=jalali"));
        Assert.Equal("1990/03/21", await BirthdayAsync("lang=fa&calendar=gregorian"));
        Assert.Equal("1990/03/21", await BirthdayAsync("lang=en&q=calendar")); // a searched view reads through the read-only context too
        await (await tenant.Admin.GetAsync("/api/v1/contacts/export?calendar=hijri")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // The XLSX export writes the same text.
        var xlsx = await tenant.Admin.GetAsync("/api/v1/contacts/export?format=xlsx&columns=birthday&lang=en&calendar=jalali");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal("1369/01/01", workbook.Worksheet(1).Cell(2, 1).GetString());
    }

    [Fact]
    public async Task Xlsx_export_opens_with_its_rows_in_order_and_right_to_left_for_persian()
    {
        var tenant = await app.CreateTenantAsync();
        await ContactAsync(tenant.Admin, "Bahram", "Azadi");
        await ContactAsync(tenant.Admin, "رضا", "زمانی");
        await ContactAsync(tenant.Admin, "=cmd", "Formula");

        var response = await tenant.Admin.GetAsync("/api/v1/contacts/export?format=xlsx&lang=fa&sort=lastName&columns=lastName,firstName,lifecycleStage");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);

        Assert.True(sheet.RightToLeft);
        Assert.Equal("نام خانوادگی", sheet.Cell(1, 1).GetString());
        Assert.Equal("Azadi", sheet.Cell(2, 1).GetString());
        Assert.Equal("Formula", sheet.Cell(3, 1).GetString());
        Assert.Equal("'=cmd", sheet.Cell(3, 2).GetString()); // never a formula
        Assert.Equal("زمانی", sheet.Cell(4, 1).GetString());
        Assert.Equal("سرنخ", sheet.Cell(4, 3).GetString());
        Assert.True(sheet.Cell(5, 1).IsEmpty());
    }

    [Fact]
    public async Task Export_needs_read_permission_checks_its_parameters_and_shows_only_what_the_caller_may_read()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep); // read: team (alone in no team: own)
        await ContactAsync(rep, "Rep", "Contact");
        await ContactAsync(tenant.Admin, "Admin", "Contact");

        var csv = await rep.GetStringAsync("/api/v1/contacts/export?columns=name");
        Assert.Equal(["Name", "Rep Contact"], csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        await (await tenant.Admin.GetAsync("/api/v1/contacts/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts/export?columns=name,salary")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts/export?sort=salary")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var noAccess = await tenant.CreateAsync("roles", new { name = "Nobody" });
        var (_, nobody) = await tenant.UserWithRoleIdAsync(noAccess);
        await (await nobody.GetAsync("/api/v1/contacts/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEqual(Guid.Empty, repId);
    }

    // The API's name of the largest size has a '+', which JSON writes escaped: the column must show it as the API names it.
    [Fact]
    public async Task The_size_column_writes_the_largest_size_as_the_API_names_it()
    {
        var tenant = await app.CreateTenantAsync();
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "Big Co", size = "1000+" })).ShouldHaveAsync(HttpStatusCode.Created);
        var csv = await tenant.Admin.GetStringAsync("/api/v1/companies/export?columns=name,size&size=1000%2B");
        Assert.Equal(["Name,Size", "Big Co,1000+"], csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Saved_views_are_private_unless_shared_with_a_team_and_only_their_owner_changes_them()
    {
        var tenant = await app.CreateTenantAsync();
        var (aliceId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var (bobId, _) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var (carolId, carol) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        var team = await tenant.CreateAsync("teams", new { name = "North", memberIds = new[] { aliceId, bobId } });
        var alice = await tenant.ClientForUserAsync(aliceId);
        var bob = await tenant.ClientForUserAsync(bobId);

        var privateView = await alice.PostAsJsonAsync("/api/v1/saved-views", new { name = "Mine", entity = "contacts", q = "علی", sort = "-createdAt" });
        await privateView.ShouldHaveAsync(HttpStatusCode.Created);
        var shared = await alice.PostAsJsonAsync("/api/v1/saved-views",
            new { name = "Team VIPs", entity = "contacts", filters = new { tag = "vip" }, columns = new[] { "name", "owner" }, teamId = team });
        await shared.ShouldHaveAsync(HttpStatusCode.Created);
        var sharedId = (await shared.JsonAsync()).GetProperty("id").GetGuid();

        async Task<string[]> NamesAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/saved-views?entity=contacts")).GetProperty("items").EnumerateArray()
                .Select(v => v.GetProperty("name").GetString()!).Order()];
        Assert.Equal(["Mine", "Team VIPs"], await NamesAsync(alice));
        Assert.Equal(["Team VIPs"], await NamesAsync(bob));
        Assert.Empty(await NamesAsync(carol));
        Assert.Empty(await NamesAsync(tenant.Admin)); // an administrator is not in the team either

        await (await bob.PatchJsonAsync($"/api/v1/saved-views/{sharedId}", new { name = "Bob's now" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await bob.DeleteAsync($"/api/v1/saved-views/{sharedId}", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await carol.GetAsync($"/api/v1/saved-views/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Sharing needs membership, and the list must exist.
        await (await carol.PostAsJsonAsync("/api/v1/saved-views", new { name = "X", entity = "contacts", teamId = team }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await carol.PostAsJsonAsync("/api/v1/saved-views", new { name = "X", entity = "spaceships" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await (await alice.DeleteAsync($"/api/v1/saved-views/{sharedId}", null)).ShouldHaveAsync(HttpStatusCode.NoContent);
        Assert.Empty(await NamesAsync(bob));
        Assert.NotEqual(Guid.Empty, carolId);
    }
}

public sealed class ListsApiTestsSqlite(SqliteApp app) : ListsApiTests(app);

public sealed class ListsApiTestsPostgres(PostgresApp app) : ListsApiTests(app)
{
    private readonly PostgresApp _app = app;

    [Fact]
    public async Task A_rare_tag_is_found_through_the_tag_index()
    {
        var tenant = await _app.CreateTenantAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        // Twenty thousand contacts written directly; one in a thousand carries the rare tag.
        await using (var seed = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, tags, search_text, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Ali', 'Ahmadi' || i, '[]', '[]', 'Lead',
                   CASE WHEN i % 1000 = 0 THEN ARRAY['rare', 'vip'] ELSE ARRAY['vip'] END, 'ali ahmadi' || i, @tenant, now(), now(), 1
            FROM generate_series(1, 20000) AS i
            """, connection))
        {
            seed.Parameters.AddWithValue("tenant", tenant.Id);
            await seed.ExecuteNonQueryAsync();
        }
        await using (var vacuum = new Npgsql.NpgsqlCommand("VACUUM ANALYZE contacts", connection))
            await vacuum.ExecuteNonQueryAsync();

        var sql = await _app.InTenantAsync(tenant.Id, db => Task.FromResult(
            Peyvand.Kernel.Data.TagQuery.Tagged(db.Set<Peyvand.Customers.Domain.Contact>(), "rare").ToQueryString()));
        Assert.Contains("<@ c.tags", sql, StringComparison.Ordinal);
        var plan = await connection.ExplainAsync(
            "SELECT id FROM contacts WHERE tenant_id = @tenant AND deleted_at IS NULL AND ARRAY[@tag]::text[] <@ tags ORDER BY last_name, id LIMIT 50",
            ("tenant", tenant.Id), ("tag", "rare"));
        Assert.Contains("ix_contacts_tags", plan, StringComparison.Ordinal);

        var page = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=rare&limit=100");
        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_custom_field_filter_is_estimated_from_the_column_statistics()
    {
        var tenant = await _app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new
        {
            entity = "contacts", key = "region", type = "singleSelect", labelEn = "Region",
            options = new[] { new { value = "north" }, new { value = "south" } },
        });
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        // Twenty thousand contacts, one in five in the north.
        await using (var seed = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, tags, search_text, custom_fields, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Sara', 'Karimi' || i, '[]', '[]', 'Lead', '{}', 'sara karimi' || i,
                   CASE WHEN i % 5 = 0 THEN '{"region": "north"}' ELSE '{"region": "south"}' END::jsonb, @tenant, now(), now(), 1
            FROM generate_series(1, 20000) AS i
            """, connection))
        {
            seed.Parameters.AddWithValue("tenant", tenant.Id);
            await seed.ExecuteNonQueryAsync();
        }
        await using (var analyze = new Npgsql.NpgsqlCommand("ANALYZE contacts", connection))
            await analyze.ExecuteNonQueryAsync();

        // The filter is sent as containment, which the planner estimates from the jsonb column's statistics (4 000 rows
        // match); the path-extraction form it replaced always got the 0.5 % guess (100 rows).
        await using var explain = new Npgsql.NpgsqlCommand(
            """EXPLAIN (FORMAT JSON) SELECT id FROM contacts WHERE custom_fields @> '{"region": "north"}'""", connection);
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        var estimate = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        Assert.InRange(estimate, 2_000, 8_000);

        var page = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?cf.region=north&limit=200");
        Assert.Equal(200, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(),
            c => Assert.Equal("north", c.GetProperty("customFields").GetProperty("region").GetString()));
    }

    [Fact]
    public async Task Stage_source_and_industry_filters_without_matches_do_not_read_the_whole_organisation()
    {
        var tenant = await _app.CreateTenantAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        // Twenty thousand leads from the website and five thousand retail companies; no evangelist, partner referral or bank.
        await using (var seed = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, source, tags, search_text, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Ali', 'Ahmadi' || i, '[]', '[]', 'Lead', 'website', '{}', 'ali ahmadi' || i, @tenant, now(), now(), 1
            FROM generate_series(1, 20000) AS i;
            INSERT INTO companies (id, name, industry, phones, tags, search_text, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Shop ' || i, 'retail', '[]', '{}', 'shop ' || i, @tenant, now(), now(), 1
            FROM generate_series(1, 5000) AS i;
            """, connection))
        {
            seed.Parameters.AddWithValue("tenant", tenant.Id);
            await seed.ExecuteNonQueryAsync();
        }
        await using (var analyze = new Npgsql.NpgsqlCommand("ANALYZE contacts; ANALYZE companies", connection))
            await analyze.ExecuteNonQueryAsync();

        foreach (var (table, condition, sort, index) in new[]
        {
            ("contacts", "lifecycle_stage = 'Evangelist'", "last_name", "ix_contacts_tenant_id_lifecycle_stage_last_name_id"),
            ("contacts", "source = 'partner'", "last_name", "ix_contacts_tenant_id_source"),
            ("companies", "industry = 'banking'", "name", "ix_companies_tenant_id_industry"),
        })
        {
            var plan = await connection.ExplainAsync(
                $"SELECT id FROM {table} WHERE tenant_id = @tenant AND deleted_at IS NULL AND {condition} ORDER BY {sort}, id LIMIT 51",
                ("tenant", tenant.Id));
            Assert.Contains(index, plan, StringComparison.Ordinal);
        }

        Assert.Empty((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?source=partner")).GetProperty("items").EnumerateArray());
        Assert.Empty((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/companies?industry=banking")).GetProperty("items").EnumerateArray());
        Assert.Equal(50, (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?source=website&lifecycleStage=lead"))
            .GetProperty("items").GetArrayLength());
    }
}
