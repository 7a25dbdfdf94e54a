using System.Net;
using System.Text.Json;

namespace Peyvand.Tests.Customers;

/// <summary>Addresses, social profiles, consent, categories, company relations and notes on contacts and companies.</summary>
public abstract class RecordFieldsApiTests(PeyvandAppFactory app)
{
    private static async Task<JsonElement> ErrorsOfAsync(HttpResponseMessage response) =>
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

    private static void HasError(JsonElement errors, string field) =>
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

    [Fact]
    public async Task An_iranian_address_is_stored_canonically_and_found_by_city_and_province()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Tabrizi",
            addresses = new object[]
            {
                new { type = "work", country = "ir", province = "آذربايجان شرقي", city = "تبریز", line1 = "خیابان امام", postalCode = "۵۱۳۶۷-۴۸۹۱۳" },
                new { type = "shipping", country = "DE", province = "Bayern", city = "München", postalCode = "80331", primary = true },
            },
            notes = "  Met at the Tabriz fair.  ",
        });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var contact = await response.JsonAsync();
        var iran = contact.GetProperty("addresses")[0];
        Assert.Equal("IR", iran.GetProperty("country").GetString());
        Assert.Equal("east-azerbaijan", iran.GetProperty("province").GetString());
        Assert.Equal("5136748913", iran.GetProperty("postalCode").GetString());
        Assert.False(iran.GetProperty("primary").GetBoolean());
        Assert.True(contact.GetProperty("addresses")[1].GetProperty("primary").GetBoolean());
        Assert.Equal("Met at the Tabriz fair.", contact.GetProperty("notes").GetString());

        foreach (var query in new[] { "تبريز", "east azerbaijan", "آذربایجان", "münchen" })
        {
            var found = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(query)}");
            Assert.Single(found.GetProperty("items").EnumerateArray());
        }
    }

    [Theory]
    [InlineData("1234567891")] // a 2
    [InlineData("1304567891")] // a 0 in the first five
    [InlineData("1345567891")] // the fifth digit 5
    [InlineData("1111367891")] // the first four the same
    [InlineData("13456789")] // too short
    [InlineData("13456-7891x")]
    public async Task Iranian_postal_codes_that_break_the_format_get_a_field_error(string postalCode)
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new
        {
            name = "Post",
            addresses = new[] { new { country = "IR", province = "tehran", city = "تهران", postalCode } },
        });
        HasError(await ErrorsOfAsync(response), "addresses[0].postalCode");
        Assert.Empty((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_iranian_address_needs_a_known_province_and_a_city_and_countries_are_iso_codes()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Nowhere",
            addresses = new object[]
            {
                new { country = "IR", province = "Atlantis", city = "تهران" },
                new { country = "IR", province = "tehran" },
                new { country = "XX", city = "Somewhere" },
                new { country = "FR", postalCode = "75001!" },
            },
        });
        var errors = await ErrorsOfAsync(response);
        foreach (var field in new[] { "addresses[0].province", "addresses[1].city", "addresses[2].country", "addresses[3].postalCode", "addresses[3].city" })
            HasError(errors, field);
    }

    [Theory]
    [InlineData("telegram", "@peyvand_crm", "https://t.me/peyvand_crm")]
    [InlineData("telegram", "t.me/peyvand_crm", "https://t.me/peyvand_crm")]
    [InlineData("telegram", "https://telegram.me/peyvand_crm/", "https://t.me/peyvand_crm")]
    [InlineData("instagram", "https://www.instagram.com/peyvand.crm/?hl=fa", "https://www.instagram.com/peyvand.crm")]
    [InlineData("instagram", "peyvand.crm", "https://www.instagram.com/peyvand.crm")]
    [InlineData("x", "https://twitter.com/peyvand", "https://x.com/peyvand")]
    [InlineData("x", "@peyvand", "https://x.com/peyvand")]
    [InlineData("linkedin", "linkedin.com/in/ali-rezaei", "https://www.linkedin.com/in/ali-rezaei")]
    [InlineData("linkedin", "https://ir.linkedin.com/company/peyvand/", "https://www.linkedin.com/company/peyvand")]
    [InlineData("whatsapp", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "https://wa.me/989121234567")]
    [InlineData("whatsapp", "https://wa.me/989121234567", "https://wa.me/989121234567")]
    [InlineData("other", "https://aparat.com/peyvand", "https://aparat.com/peyvand")]
    public async Task Social_profiles_are_stored_as_canonical_urls(string network, string handleOrUrl, string url)
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Social",
            socialProfiles = new[] { new { network, handleOrUrl } },
        });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var profile = (await response.JsonAsync()).GetProperty("socialProfiles")[0];
        Assert.Equal(network, profile.GetProperty("network").GetString());
        Assert.Equal(url, profile.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("telegram", "@abc")] // shorter than five
    [InlineData("telegram", "https://example.com/peyvand_crm")]
    [InlineData("x", "@this_handle_is_far_too_long")]
    [InlineData("linkedin", "https://example.com/in/ali")]
    [InlineData("whatsapp", "12")]
    [InlineData("other", "ftp://example.com")]
    [InlineData("instagram", "bad handle")]
    public async Task Invalid_social_profiles_get_a_field_error(string network, string handleOrUrl)
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new
        {
            name = "Social",
            socialProfiles = new[] { new { network = "x", handleOrUrl = "@fine" }, new { network, handleOrUrl } },
        });
        HasError(await ErrorsOfAsync(response), "socialProfiles[1].handleOrUrl");
    }

    [Fact]
    public async Task Consent_is_stamped_by_the_server_when_its_status_changes_and_audited()
    {
        var tenant = await app.CreateTenantAsync();
        var before = DateTime.UtcNow.AddSeconds(-5);
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Consenting",
            consent = new { email = new { status = "granted", source = "web form" } },
        });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var contact = await created.JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        var email = contact.GetProperty("consent").GetProperty("email");
        Assert.Equal("granted", email.GetProperty("status").GetString());
        Assert.Equal("web form", email.GetProperty("source").GetString());
        var grantedAt = email.GetProperty("changedAt").GetDateTime();
        Assert.InRange(grantedAt, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal("unknown", contact.GetProperty("consent").GetProperty("sms").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("consent").GetProperty("sms").GetProperty("changedAt").ValueKind);

        // The same status again (e.g. a form saving everything) keeps the original time and source.
        var same = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new
        {
            jobTitle = "Buyer",
            consent = new { email = new { status = "granted", source = "import" } },
        });
        await same.ShouldHaveAsync(HttpStatusCode.OK);
        var kept = (await same.JsonAsync()).GetProperty("consent").GetProperty("email");
        Assert.Equal(grantedAt, kept.GetProperty("changedAt").GetDateTime());
        Assert.Equal("web form", kept.GetProperty("source").GetString());

        // A change needs a source; with one, it is stamped anew and shows in the audit.
        var noSource = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { consent = new { sms = new { status = "withdrawn" } } });
        HasError(await ErrorsOfAsync(noSource), "consent.sms.source");
        var withdrawn = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { consent = new { email = new { status = "withdrawn", source = "phone call" } } });
        await withdrawn.ShouldHaveAsync(HttpStatusCode.OK);
        var now = (await withdrawn.JsonAsync()).GetProperty("consent").GetProperty("email");
        Assert.Equal("withdrawn", now.GetProperty("status").GetString());
        Assert.True(now.GetProperty("changedAt").GetDateTime() >= grantedAt);

        var audit = await tenant.AuditOfAsync("Contact", id);
        var change = audit.First().GetProperty("changes").GetProperty("consent");
        Assert.Contains("granted", change.GetProperty("before").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("withdrawn", change.GetProperty("after").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_organisations_get_the_default_categories_and_records_must_name_a_live_one()
    {
        var tenant = await app.CreateTenantAsync();
        var categories = (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/customer-categories")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Consumer", "Small business", "Enterprise", "Government", "Education"], categories.Select(c => c.GetProperty("nameEn").GetString()!));
        Assert.Equal("دولتی", categories[3].GetProperty("nameFa").GetString());
        var enterprise = categories[2].GetProperty("id").GetGuid();
        var government = categories[3].GetProperty("id").GetGuid();

        await tenant.CreateAsync("contacts", new { lastName = "Big", categoryId = enterprise });
        await tenant.CreateAsync("contacts", new { lastName = "Public", categoryId = government });
        await tenant.CreateAsync("companies", new { name = "Ministry", categoryId = government });
        var big = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?categoryId={enterprise}");
        Assert.Equal("Big", Assert.Single(big.GetProperty("items").EnumerateArray()).GetProperty("lastName").GetString());
        var ministries = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies?categoryId={government}");
        Assert.Equal("Ministry", Assert.Single(ministries.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());

        HasError(await ErrorsOfAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "X", categoryId = Guid.NewGuid() })), "categoryId");
        await (await tenant.Admin.DeleteAsync($"/api/v1/customer-categories/{enterprise}")).ShouldHaveAsync(HttpStatusCode.NoContent);
        HasError(await ErrorsOfAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "Y", categoryId = enterprise })), "categoryId");
        HasError(await ErrorsOfAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/customer-categories", new { nameFa = " ", nameEn = "Blank" })), "nameFa");

        // Another organisation's category is as unknown as a made-up one.
        var other = await app.CreateTenantAsync();
        HasError(await ErrorsOfAsync(await other.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Z", categoryId = government })), "categoryId");
    }

    [Fact]
    public async Task Only_administrators_edit_categories_but_everyone_reads_them()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, manager) = await tenant.UserWithRoleAsync("sales-manager");
        await (await manager.GetAsync("/api/v1/customer-categories")).ShouldHaveAsync(HttpStatusCode.OK);
        await (await manager.PostAsJsonAsync("/api/v1/customer-categories", new { nameFa = "ویژه", nameEn = "Special" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_contact_belongs_to_several_companies_with_roles_and_company_id_names_the_primary()
    {
        var tenant = await app.CreateTenantAsync();
        var acme = await tenant.CreateAsync("companies", new { name = "Acme" });
        var beta = await tenant.CreateAsync("companies", new { name = "Beta" });
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Two Hats",
            companies = new object[] { new { companyId = acme, role = "CTO" }, new { companyId = beta, role = " Advisor ", primary = true } },
        });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var contact = await created.JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        Assert.Equal(beta, contact.GetProperty("companyId").GetGuid());
        var links = contact.GetProperty("companies").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, l => l.GetProperty("companyId").GetGuid() == beta && l.GetProperty("role").GetString() == "Advisor" && l.GetProperty("primary").GetBoolean());

        // Either company's people include the contact.
        foreach (var company in new[] { acme, beta })
            Assert.Single((await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?companyId={company}")).GetProperty("items").EnumerateArray());

        // Older clients set companyId alone: it becomes the primary, the other relation stays.
        var patched = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { companyId = acme });
        await patched.ShouldHaveAsync(HttpStatusCode.OK);
        var after = await patched.JsonAsync();
        Assert.Equal(acme, after.GetProperty("companyId").GetGuid());
        Assert.Equal(2, after.GetProperty("companies").GetArrayLength());
        Assert.Equal("CTO", after.GetProperty("companies")[0].GetProperty("role").GetString());

        // companies alone replaces the relations.
        var replaced = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { companies = new[] { new { companyId = beta, role = "Advisor" } } });
        var only = await replaced.JsonAsync();
        Assert.Equal(beta, only.GetProperty("companyId").GetGuid());
        Assert.Equal(1, only.GetProperty("companies").GetArrayLength());

        // A plain create with companyId still works and makes one primary relation.
        var legacy = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Old", companyId = acme })).JsonAsync();
        Assert.True(Assert.Single(legacy.GetProperty("companies").EnumerateArray()).GetProperty("primary").GetBoolean());
    }

    [Fact]
    public async Task Company_relations_must_name_existing_companies_once()
    {
        var tenant = await app.CreateTenantAsync();
        var acme = await tenant.CreateAsync("companies", new { name = "Acme" });
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            lastName = "Bad links",
            companyId = Guid.NewGuid(),
            companies = new object[] { new { companyId = acme }, new { companyId = Guid.NewGuid() }, new { companyId = acme } },
        });
        var errors = await ErrorsOfAsync(response);
        foreach (var field in new[] { "companyId", "companies[1].companyId", "companies[2].companyId" })
            HasError(errors, field);
        Assert.Empty((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("items").EnumerateArray());
    }
}

public sealed class RecordFieldsApiTestsSqlite(SqliteApp app) : RecordFieldsApiTests(app);

public sealed class RecordFieldsApiTestsPostgres(PostgresApp app) : RecordFieldsApiTests(app);
