using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Peyvand.Tests.Customers;

public abstract class ContactsApiTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Contact_points_are_stored_in_canonical_form_whatever_digits_and_case_were_typed()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            firstName = "علي",
            lastName = "كاظمي",
            emails = new[] { new { value = " Ali.Kazemi@Example.COM ", type = "work" } },
            phones = new[] { new { value = "۰۹۱۲ ۱۲۳ ۴۵۶۷", type = "mobile" }, new { value = "0098 21 8888 1234", type = "work" } },
            nationalId = "۰۴۹۹۳۷۰۸۹۹",
            lifecycleStage = "mql",
            tags = new[] { "VIP", " vip ", "نمایشگاه" },
        });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var contact = await response.JsonAsync();

        Assert.Equal("ali.kazemi@example.com", contact.GetProperty("emails")[0].GetProperty("value").GetString());
        Assert.True(contact.GetProperty("emails")[0].GetProperty("primary").GetBoolean());
        Assert.Equal("+989121234567", contact.GetProperty("phones")[0].GetProperty("value").GetString());
        Assert.True(contact.GetProperty("phones")[0].GetProperty("primary").GetBoolean());
        Assert.False(contact.GetProperty("phones")[1].GetProperty("primary").GetBoolean());
        Assert.Equal("+982188881234", contact.GetProperty("phones")[1].GetProperty("value").GetString());
        Assert.Equal("0499370899", contact.GetProperty("nationalId").GetString());
        Assert.Equal("mql", contact.GetProperty("lifecycleStage").GetString());
        Assert.Equal(["VIP", "نمایشگاه"], contact.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(tenant.AdminUserId, contact.GetProperty("ownerId").GetGuid()); // the creator owns it by default
    }

    [Theory]
    [InlineData("علی")] // typed with Persian yeh, stored with Arabic
    [InlineData("کاظمی")]
    [InlineData("علي كاظمي")]
    [InlineData("0912 123 4567")]
    [InlineData("+98 912 1234567")]
    [InlineData("۰۹۱۲۱۲۳")] // prefix of the number, Persian digits
    [InlineData("ali.kazemi@example")]
    [InlineData("0499370899")]
    [InlineData("نمایشگاه")]
    public async Task Search_finds_a_contact_however_the_query_is_typed(string query)
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var body = new
        {
            firstName = "علي",
            lastName = "كاظمي",
            emails = new[] { new { value = "ali.kazemi@example.com" } },
            phones = new[] { new { value = "09121234567" } },
            nationalId = "0499370899",
            tags = new[] { "نمایشگاه" },
        };
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", body)).JsonAsync()).GetProperty("id").GetGuid();
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Sara", lastName = "Ahmadi" });
        await other.Admin.PostAsJsonAsync("/api/v1/contacts", body);

        var found = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(query)}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Invalid_contact_points_get_a_field_error_each_and_nothing_is_saved()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            firstName = "Bad",
            emails = new[] { new { value = "ok@example.com" }, new { value = "not-an-email" } },
            phones = new[] { new { value = "12" } },
            nationalId = "0499370898",
            website = "ftp://example.com",
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "emails[1].value", "phones[0].value", "nationalId", "website" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        var list = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_contact_needs_a_name()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "  ", emails = new[] { new { value = "x@example.com" } } });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lastName", out _));
    }

    [Fact]
    public async Task Lists_filter_by_stage_and_tag()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "One", lifecycleStage = "customer", tags = new[] { "gold" } });
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Two", lifecycleStage = "customer" });
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Three", lifecycleStage = "lead", tags = new[] { "gold" } });

        var customersResponse = await tenant.Admin.GetAsync("/api/v1/contacts?lifecycleStage=customer&sort=lastName");
        await customersResponse.ShouldHaveAsync(HttpStatusCode.OK);
        var customers = await customersResponse.JsonAsync();
        Assert.Equal(["One", "Two"], customers.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("lastName").GetString()!));
        var gold = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=gold&lifecycleStage=customer");
        Assert.Equal("One", Assert.Single(gold.GetProperty("items").EnumerateArray()).GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Sales_reps_see_their_teams_contacts_and_change_only_their_own()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, rep) = await tenant.UserWithRoleAsync("sales-rep");
        var (mateId, mate) = await tenant.UserWithRoleAsync("sales-rep");
        var (_, outsider) = await tenant.UserWithRoleAsync("sales-rep");
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/teams", new { name = "Tehran", memberIds = new[] { repId, mateId } })).ShouldHaveAsync(HttpStatusCode.Created);

        var created = await rep.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Rep's" });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        await (await mate.GetAsync($"/api/v1/contacts/{id}")).ShouldHaveAsync(HttpStatusCode.OK);
        await (await outsider.GetAsync($"/api/v1/contacts/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("items").EnumerateArray());
        await (await mate.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { jobTitle = "CEO" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { jobTitle = "CEO" })).ShouldHaveAsync(HttpStatusCode.OK);

        // A rep cannot hand a new contact to someone else, nor delete.
        await (await rep.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Gift", ownerId = mateId })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.DeleteAsync($"/api/v1/contacts/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Records_of_a_disabled_owner_stay_editable_but_are_not_handed_to_them_anew()
    {
        var tenant = await app.CreateTenantAsync();
        var (leaverId, _) = await tenant.UserWithRoleAsync("sales-rep");
        var kept = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Left behind", ownerId = leaverId });
        await kept.ShouldHaveAsync(HttpStatusCode.Created);
        var keptId = (await kept.JsonAsync()).GetProperty("id").GetGuid();
        var other = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Someone else's" });
        var otherId = (await other.JsonAsync()).GetProperty("id").GetGuid();
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/users/{leaverId}", new { isDisabled = true })).ShouldHaveAsync(HttpStatusCode.OK);

        var edited = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{keptId}", new { jobTitle = "CEO" });
        await edited.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(leaverId, (await edited.JsonAsync()).GetProperty("ownerId").GetGuid());
        var bulk = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids = new[] { keptId }, action = "addTag", value = "handover" });
        await bulk.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await bulk.JsonAsync()).GetProperty("changed").GetInt32());

        var handed = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{otherId}", new { ownerId = leaverId });
        var problem = await handed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ownerId", out _));
    }

    [Fact]
    public async Task Global_search_finds_contacts_and_companies_in_either_script()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "شركة ياس", industry = "Retail" });
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "یاسمن", lastName = "Rahimi", emails = new[] { new { value = "yasaman@example.com" } } });
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Reza", lastName = "Karimi" });

        var response = await tenant.Admin.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("یاس")}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var hits = (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(h => (h.GetProperty("type").GetString(), h.GetProperty("title").GetString())).ToList();
        Assert.Equal(2, hits.Count);
        Assert.Contains(("company", "شركة ياس"), hits);
        Assert.Contains(("contact", "یاسمن Rahimi"), hits);

        await (await tenant.Admin.GetAsync("/api/v1/search?q=")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_company_cannot_become_its_own_ancestor()
    {
        var tenant = await app.CreateTenantAsync();
        async Task<Guid> Company(string name, Guid? parent = null) =>
            (await (await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name, parentCompanyId = parent })).JsonAsync()).GetProperty("id").GetGuid();
        var holding = await Company("هلدینگ پیوند");
        var subsidiary = await Company("پیوند تهران", holding);

        var response = await tenant.Admin.PatchAsJsonAsync($"/api/v1/companies/{holding}", new { parentCompanyId = subsidiary });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("parentCompanyId", out _));
    }

    [Fact]
    public async Task Adding_changing_and_removing_a_company_relation_is_audited_on_the_contact_and_the_company()
    {
        var tenant = await app.CreateTenantAsync();
        var acme = await tenant.CreateAsync("companies", new { name = "Acme" });
        var beta = await tenant.CreateAsync("companies", new { name = "Beta" });
        var contact = await tenant.CreateAsync("contacts", new { firstName = "Leila", lastName = "Hosseini" });

        async Task<List<JsonElement>> RelationChangesAsync(string entityType, Guid id, string field) =>
            (await app.InTenantAsync(tenant.Id, db => db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == entityType && a.EntityId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync()))
            .Where(a => a.Action == "update").Select(a => JsonDocument.Parse(a.Changes).RootElement)
            .Where(c => c.TryGetProperty(field, out _)).Select(c => c.GetProperty(field)).ToList();

        // Added as CEO, primary.
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}",
            new { companies = new[] { new { companyId = acme, role = "CEO", primary = true } } })).ShouldHaveAsync(HttpStatusCode.OK);
        var added = Assert.Single(await RelationChangesAsync("Company", acme, "contacts"));
        Assert.Equal(JsonValueKind.Null, added.GetProperty("before").ValueKind);
        Assert.Equal("CEO", added.GetProperty("after").GetProperty("role").GetString());
        Assert.Equal(contact, added.GetProperty("after").GetProperty("contactId").GetGuid());
        Assert.Single(await RelationChangesAsync("Contact", contact, "companies"));

        // Role changed and a second, primary company added: acme loses the primary flag.
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}", new
        {
            companies = new object[] { new { companyId = acme, role = "Chair", primary = false }, new { companyId = beta, role = (string?)null, primary = true } },
        })).ShouldHaveAsync(HttpStatusCode.OK);
        var changed = (await RelationChangesAsync("Company", acme, "contacts"))[^1];
        Assert.Equal(("CEO", true), (changed.GetProperty("before").GetProperty("role").GetString(), changed.GetProperty("before").GetProperty("primary").GetBoolean()));
        Assert.Equal(("Chair", false), (changed.GetProperty("after").GetProperty("role").GetString(), changed.GetProperty("after").GetProperty("primary").GetBoolean()));
        Assert.Single(await RelationChangesAsync("Company", beta, "contacts"));
        Assert.Equal(3, (await RelationChangesAsync("Contact", contact, "companies")).Count);

        // Unchanged relations write nothing; removing one writes its last state.
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "Board" })).ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await RelationChangesAsync("Company", acme, "contacts")).Count);
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}",
            new { companies = new[] { new { companyId = beta, role = (string?)null, primary = true } } })).ShouldHaveAsync(HttpStatusCode.OK);
        var removed = (await RelationChangesAsync("Company", acme, "contacts"))[^1];
        Assert.Equal("Chair", removed.GetProperty("before").GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("after").ValueKind);

        // Both 360 timelines show the relation as a field change.
        var companyTimeline = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{acme}/timeline?types=change");
        Assert.Equal(3, companyTimeline.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("summary").GetString() == "contacts"));
        var contactTimeline = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/timeline?types=change");
        Assert.Contains(contactTimeline.GetProperty("items").EnumerateArray(), i => i.GetProperty("summary").GetString() == "companies");
    }
}

public sealed class ContactsApiTestsSqlite(SqliteApp app) : ContactsApiTests(app);

public sealed class ContactsApiTestsPostgres(PostgresApp app) : ContactsApiTests(app);
