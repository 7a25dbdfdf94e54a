using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Peyvand.Tests.Customers;

/// <summary>
/// The province, city and country filters of the contact and company lists, on both databases: any one address
/// matches, province and city on the same address, Arabic letter variants, bad input, and bulk actions and exports.
/// </summary>
public abstract class AddressFilterTests(PeyvandAppFactory app)
{
    private static object Address(string province, string city, string country = "IR") => new { country, province, city, line1 = "خیابان آزادی" };

    private static async Task<Guid> ContactAsync(TestTenant tenant, string lastName, params object[] addresses) =>
        await tenant.CreateAsync("contacts", new { lastName, addresses });

    private static async Task<List<string>> NamesAsync(HttpClient client, string collection, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/{collection}?{query}&limit=200");
        var property = collection == "contacts" ? "lastName" : "name";
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty(property).GetString()!).Order(StringComparer.Ordinal)];
    }

    // Karaj in Alborz; Tehran in Tehran; both (home in Karaj, work in Tehran); Karaj as the Arabic keyboard types it;
    // Tehran province with the city Karaj on a different address than the Alborz one; abroad; no address at all.
    private static async Task SeedAsync(TestTenant tenant)
    {
        await ContactAsync(tenant, "Karaji", Address("alborz", "کرج"));
        await ContactAsync(tenant, "Tehrani", Address("tehran", "تهران"));
        await ContactAsync(tenant, "Both", Address("alborz", "کرج"), Address("tehran", "تهران"));
        await ContactAsync(tenant, "Arabic", Address("البرز", "كرج"));
        await ContactAsync(tenant, "Split", Address("tehran", "شهریار"), Address("alborz", "هشتگرد"));
        await ContactAsync(tenant, "Munich", Address("Bayern", "München", "DE"));
        await ContactAsync(tenant, "Nowhere");
    }

    [Fact]
    public async Task Province_filter_matches_any_address_and_takes_several_provinces()
    {
        var tenant = await app.CreateTenantAsync();
        await SeedAsync(tenant);

        Assert.Equal(["Arabic", "Both", "Karaji", "Split"], await NamesAsync(tenant.Admin, "contacts", "province=alborz"));
        Assert.Equal(["Both", "Split", "Tehrani"], await NamesAsync(tenant.Admin, "contacts", "province=tehran"));
        Assert.Equal(["Arabic", "Both", "Karaji", "Split", "Tehrani"], await NamesAsync(tenant.Admin, "contacts", "province=alborz,tehran"));
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "province=fars"));
    }

    [Fact]
    public async Task City_filter_is_the_whole_city_whatever_letters_it_was_typed_with()
    {
        var tenant = await app.CreateTenantAsync();
        await SeedAsync(tenant);

        // «كرج» with the Arabic kaf finds «کرج» with the Persian one, and the other way round.
        Assert.Equal(["Arabic", "Both", "Karaji"], await NamesAsync(tenant.Admin, "contacts", "city=" + Uri.EscapeDataString("كرج")));
        Assert.Equal(["Arabic", "Both", "Karaji"], await NamesAsync(tenant.Admin, "contacts", "city=" + Uri.EscapeDataString(" کرج ")));
        // A whole city, not a part of one.
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "city=" + Uri.EscapeDataString("کر")));
        Assert.Equal(["Munich"], await NamesAsync(tenant.Admin, "contacts", "city=" + Uri.EscapeDataString("MÜNCHEN")));
    }

    [Fact]
    public async Task Province_and_city_must_be_on_the_same_address()
    {
        var tenant = await app.CreateTenantAsync();
        await SeedAsync(tenant);

        var karaj = Uri.EscapeDataString("کرج");
        Assert.Equal(["Arabic", "Both", "Karaji"], await NamesAsync(tenant.Admin, "contacts", $"province=alborz&city={karaj}"));
        // Both has a Tehran-province address and a Karaj one, but Karaj is not in Tehran province: no match.
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", $"province=tehran&city={karaj}"));
        // Split's Tehran-province address is in Shahriar, its Alborz one in Hashtgerd: Shahriar in Alborz matches nothing.
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "province=alborz&city=" + Uri.EscapeDataString("شهریار")));
        Assert.Equal(["Split"], await NamesAsync(tenant.Admin, "contacts", "province=tehran&city=" + Uri.EscapeDataString("شهریار")));
        // Several provinces with a city: the city in any of them.
        Assert.Equal(["Arabic", "Both", "Karaji"], await NamesAsync(tenant.Admin, "contacts", $"province=tehran,alborz&city={karaj}"));
    }

    [Fact]
    public async Task Country_filter_takes_an_iso_code_and_combines_with_city_and_province()
    {
        var tenant = await app.CreateTenantAsync();
        await SeedAsync(tenant);

        Assert.Equal(["Munich"], await NamesAsync(tenant.Admin, "contacts", "country=de"));
        Assert.Equal(["Arabic", "Both", "Karaji", "Split", "Tehrani"], await NamesAsync(tenant.Admin, "contacts", "country=IR"));
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "country=DE&city=" + Uri.EscapeDataString("کرج")));
        Assert.Equal(["Munich"], await NamesAsync(tenant.Admin, "contacts", "country=DE&city=" + Uri.EscapeDataString("münchen")));
        // Province codes are Iran's: with another country nothing matches.
        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "country=DE&province=alborz"));
        Assert.Equal(["Both", "Tehrani"], await NamesAsync(tenant.Admin, "contacts", "country=IR&province=tehran&city=" + Uri.EscapeDataString("تهران")));
    }

    [Theory]
    [InlineData("en-US", "Unknown province")]
    [InlineData("fa-IR", "استان ناشناخته است")]
    public async Task Unknown_province_and_bad_country_are_field_errors_in_the_callers_language(string language, string provinceMessage)
    {
        var tenant = await app.CreateTenantAsync();
        foreach (var collection in new[] { "contacts", "companies" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/{collection}?province=tehran,atlantis&country=XX1");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var problem = await (await tenant.Admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.StartsWith(provinceMessage, errors.GetProperty("province")[0].GetString(), StringComparison.Ordinal);
            Assert.True(errors.TryGetProperty("country", out _), errors.ToString());
        }
    }

    [Fact]
    public async Task Companies_filter_by_address_too()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("companies", new { name = "Alborz Steel", addresses = new[] { Address("alborz", "كرج") } });
        await tenant.CreateAsync("companies", new { name = "Tehran Foods", addresses = new[] { Address("tehran", "تهران") } });
        await tenant.CreateAsync("companies", new { name = "No Address" });

        Assert.Equal(["Alborz Steel"], await NamesAsync(tenant.Admin, "companies", "province=alborz&city=" + Uri.EscapeDataString("کرج")));
        Assert.Equal(["Alborz Steel", "Tehran Foods"], await NamesAsync(tenant.Admin, "companies", "province=alborz,tehran"));
        Assert.Equal(["Alborz Steel", "Tehran Foods"], await NamesAsync(tenant.Admin, "companies", "country=IR"));
    }

    [Fact]
    public async Task A_changed_address_moves_the_record_between_filters()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await ContactAsync(tenant, "Mover", Address("tehran", "تهران"));
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { addresses = new[] { Address("fars", "شیراز") } }))
            .ShouldHaveAsync(HttpStatusCode.OK);

        Assert.Empty(await NamesAsync(tenant.Admin, "contacts", "province=tehran"));
        Assert.Equal(["Mover"], await NamesAsync(tenant.Admin, "contacts", "province=fars&city=" + Uri.EscapeDataString("شيراز")));
    }

    [Fact]
    public async Task Bulk_actions_and_exports_take_the_address_filters()
    {
        var tenant = await app.CreateTenantAsync();
        await SeedAsync(tenant);

        var bulk = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk",
            new { filter = new { province = "alborz", city = "كرج" }, action = "addTag", value = "karaj" });
        await bulk.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(3, (await bulk.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Equal(["Arabic", "Both", "Karaji"], await NamesAsync(tenant.Admin, "contacts", "tag=karaj"));

        var csv = await tenant.Admin.GetStringAsync("/api/v1/contacts/export?format=csv&lang=en&columns=lastName&province=tehran");
        var names = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Order(StringComparer.Ordinal);
        Assert.Equal(["Both", "Split", "Tehrani"], names);

        var bad = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts/bulk", new { filter = new { province = "atlantis" }, action = "addTag", value = "x" });
        Assert.True((await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("province", out _));
    }
}

public sealed class AddressFilterTestsSqlite(SqliteApp app) : AddressFilterTests(app);

public sealed class AddressFilterTestsPostgres(PostgresApp app) : AddressFilterTests(app)
{
    private readonly PostgresApp _app = app;

    [Fact]
    public async Task A_selective_province_and_city_are_found_through_the_address_index()
    {
        var tenant = await _app.CreateTenantAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        // Twenty thousand contacts written directly, all in Tehran but one in two thousand in Karaj.
        await using (var seed = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, tags, search_text, address_keys, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Ali', 'Ahmadi' || i, '[]', '[]', 'Lead', '{}', 'ali ahmadi' || i,
                   CASE WHEN i % 2000 = 0 THEN ARRAY['c:کرج', 'n:IR', 'nc:IR/کرج', 'p:alborz', 'pc:alborz/کرج']
                        ELSE ARRAY['c:تهران', 'n:IR', 'nc:IR/تهران', 'p:tehran', 'pc:tehran/تهران'] END,
                   @tenant, now(), now(), 1
            FROM generate_series(1, 20000) AS i
            """, connection))
        {
            seed.Parameters.AddWithValue("tenant", tenant.Id);
            await seed.ExecuteNonQueryAsync();
        }
        await using (var vacuum = new Npgsql.NpgsqlCommand("VACUUM ANALYZE contacts", connection))
            await vacuum.ExecuteNonQueryAsync();

        // The SQL the list sends: containment for one key, overlap for several, both on the indexed column.
        var (one, several) = await _app.InTenantAsync(tenant.Id, db =>
        {
            var contacts = db.Set<Peyvand.Customers.Domain.Contact>();
            return Task.FromResult((
                Peyvand.Customers.Features.ContactResource.Filter(contacts, new(null, null, null, null, Province: "alborz", City: "كرج")).ToQueryString(),
                Peyvand.Customers.Features.ContactResource.Filter(contacts, new(null, null, null, null, Province: "alborz,qom")).ToQueryString()));
        });
        Assert.Contains("<@ c.address_keys", one, StringComparison.Ordinal);
        Assert.Contains("c.address_keys &&", several, StringComparison.Ordinal);

        foreach (var (condition, key) in new[]
        {
            ("ARRAY[@k]::text[] <@ address_keys", "pc:alborz/کرج"),
            ("address_keys && ARRAY[@k, 'p:qom']::text[]", "p:alborz"),
        })
        {
            var plan = await connection.ExplainAsync(
                $"SELECT id FROM contacts WHERE tenant_id = @tenant AND deleted_at IS NULL AND {condition} ORDER BY last_name, id LIMIT 50",
                ("tenant", tenant.Id), ("k", key));
            Assert.Contains("ix_contacts_address_keys", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan on contacts", plan, StringComparison.Ordinal);
        }

        var karaj = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?province=alborz&city=" + Uri.EscapeDataString("كرج") + "&limit=100");
        Assert.Equal(10, karaj.GetProperty("items").GetArrayLength());

        // Ten contacts in a town the statistics have never seen (added after ANALYZE): a rare key, so the list is
        // narrowed to its matches' ids; Tehran, which nineteen thousand contacts hold, is left to the planner.
        var town = "town" + Guid.NewGuid().ToString("N")[..8];
        await using (var rare = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, tags, search_text, address_keys, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Reza', 'Rostami' || i, '[]', '[]', 'Lead', '{}', 'reza rostami' || i, ARRAY['n:IR', @key], @tenant, now(), now(), 1
            FROM generate_series(1, 10) AS i
            """, connection))
        {
            rare.Parameters.AddWithValue("tenant", tenant.Id);
            rare.Parameters.AddWithValue("key", Peyvand.Customers.Domain.AddressKeys.City(Peyvand.Customers.Domain.AddressKeys.NormalizeCity(town)));
            await rare.ExecuteNonQueryAsync();
        }
        var narrowed = await _app.InTenantAsync(tenant.Id, async db =>
        {
            var contacts = db.Set<Peyvand.Customers.Domain.Contact>().AsNoTracking();
            var result = new List<bool>();
            foreach (var filter in new Peyvand.Customers.Features.ContactFilter[]
                { new(null, null, null, null, City: town), new(null, null, null, null, Province: "tehran") })
            {
                var query = Peyvand.Customers.Features.ContactResource.Filter(contacts, filter);
                result.Add((await Peyvand.Kernel.Data.KeyArrayQuery.NarrowAsync(db, query, CancellationToken.None)).ToQueryString()
                    .Contains("c.id = ANY (@ids)", StringComparison.Ordinal));
            }
            return result;
        });
        Assert.Equal([true, false], narrowed);

        // A narrowed list pages like any other: every contact of the town once, in order, across pages.
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?sort=-lastName&limit=4&city={town}"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        var onePage = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?sort=-lastName&limit=100&city={town}");
        Assert.Equal(onePage.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()!), names);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => "Rostami" + i).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Empty((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?country=DE")).GetProperty("items").EnumerateArray());
    }
}
