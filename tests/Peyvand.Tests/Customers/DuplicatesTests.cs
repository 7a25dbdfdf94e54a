using System.Net;
using System.Text.Json;

namespace Peyvand.Tests.Customers;

public abstract class DuplicatesTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_would_be_contact_finds_each_kind_of_duplicate_with_its_reason()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var company = await tenant.CreateAsync("companies", new { name = "Pars Khodro" });
        var byEmail = await tenant.CreateAsync("contacts", new { lastName = "One", emails = new[] { new { value = "second@example.com" }, new { value = "Same@Example.com" } } });
        var byPhone = await tenant.CreateAsync("contacts", new { lastName = "Two", phones = new[] { new { value = "+98 912 123 4567" } } });
        var byNationalId = await tenant.CreateAsync("contacts", new { lastName = "Three", nationalId = "0499370899" });
        var byName = await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie", companyId = company });
        await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie" }); // same name, no company: not a candidate
        await other.CreateAsync("contacts", new { lastName = "Elsewhere", emails = new[] { new { value = "same@example.com" } }, nationalId = "0499370899" });

        var candidates = await CandidatesAsync(tenant.Admin, "contacts", new
        {
            firstName = "Alí",
            lastName = "Rezaei",
            companyId = company,
            emails = new[] { new { value = " SAME@example.com " } },
            phones = new[] { new { value = "۰۹۱۲ ۱۲۳ ۴۵۶۷" } },
            nationalId = "۰۴۹۹۳۷۰۸۹۹",
        });

        Assert.Equal(
            new Dictionary<Guid, string> { [byEmail] = "email", [byPhone] = "phone", [byNationalId] = "nationalId", [byName] = "name" },
            candidates);
    }

    [Fact]
    public async Task A_contact_with_nothing_in_common_has_no_candidates_and_the_check_writes_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("contacts", new { firstName = "Sara", lastName = "Ahmadi", emails = new[] { new { value = "sara@example.com" } } });
        var before = await tenant.SnapshotAsync();

        Assert.Empty(await CandidatesAsync(tenant.Admin, "contacts", new { firstName = "Reza", lastName = "Karimi", emails = new[] { new { value = "reza@example.com" } } }));
        Assert.Equal(before, await tenant.SnapshotAsync());
    }

    [Fact]
    public async Task A_would_be_company_finds_duplicates_by_name_phone_and_national_id()
    {
        var tenant = await app.CreateTenantAsync();
        var byName = await tenant.CreateAsync("companies", new { name = "Pars Khodro" });
        var byPhone = await tenant.CreateAsync("companies", new { name = "Iran Tel", phones = new[] { new { value = "021 8888 1234" } } });
        var byNationalId = await tenant.CreateAsync("companies", new { name = "Mellat", nationalId = "10101234567" });
        await tenant.CreateAsync("companies", new { name = "Saipa" });

        var candidates = await CandidatesAsync(tenant.Admin, "companies", new
        {
            name = "Pars Khodroo",
            phones = new[] { new { value = "+982188881234" } },
            nationalId = "۱۰۱۰۱۲۳۴۵۶۷",
        });

        Assert.Equal(
            new Dictionary<Guid, string> { [byName] = "name", [byPhone] = "phone", [byNationalId] = "nationalId" },
            candidates);
    }

    [Fact]
    public async Task A_duplicate_the_caller_may_not_read_is_not_mentioned_at_all()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync("sales-rep");
        var body = new { lastName = "Hidden", emails = new[] { new { value = "hidden@example.com" } } };
        var adminsOwn = await tenant.CreateAsync("contacts", body);

        var forRep = await rep.PostAsJsonAsync("/api/v1/contacts/duplicates", body);
        await forRep.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("""{"items":[]}""", await forRep.Content.ReadAsStringAsync()); // the same answer as when nothing exists
        Assert.Equal([adminsOwn], (await CandidatesAsync(tenant.Admin, "contacts", body)).Keys);
    }

    private static async Task<Dictionary<Guid, string>> CandidatesAsync(HttpClient client, string collection, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{collection}/duplicates", body);
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToDictionary(
            c => c.GetProperty("id").GetGuid(),
            c => string.Join(",", c.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
    }
}

public sealed class DuplicatesTestsSqlite(SqliteApp app) : DuplicatesTests(app);

public sealed class DuplicatesTestsPostgres(PostgresApp app) : DuplicatesTests(app);
