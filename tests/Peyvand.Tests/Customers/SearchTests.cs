using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Text;

namespace Peyvand.Tests.Customers;

/// <summary>Prefix and typo-tolerant, ranked search through q= on the lists and the global search, on both databases.</summary>
public abstract class SearchTests(PeyvandAppFactory app)
{
    [Theory]
    [InlineData("Ali", "Rezaie", "Alí Rezaei")] // accent and a transposed vowel
    [InlineData("Ali", "Rezaie", "rezai")] // the start of a word
    [InlineData("محمد رضا", "کریمی", "محمدرضا")] // written apart, searched together
    [InlineData("محمدرضا", "کریمی", "محمد رضا")] // written together, searched apart
    [InlineData("محمد\u200cرضا", "کریمی", "محمدرضا")] // with a ZWNJ
    [InlineData("علي", "كريمي", "علی کریمی")] // Arabic yeh and kaf stored, Persian typed
    [InlineData("علی", "کریمی", "علي")] // the other way round
    [InlineData("Sara", "Ahmadi", "ahm")] // prefix
    [InlineData("Sara", "Ahmadi", "hmad")] // inside a word
    public async Task A_contact_is_found_however_the_name_is_typed(string firstName, string lastName, string query)
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("contacts", new { firstName, lastName });
        await tenant.CreateAsync("contacts", new { firstName = "Bahram", lastName = "Nouri" });
        await other.CreateAsync("contacts", new { firstName, lastName });

        Assert.Equal([id], await ListAsync(tenant.Admin, "contacts", query));
        Assert.Equal([id], await GlobalAsync(tenant.Admin, query, "contact"));
    }

    [Theory]
    [InlineData("0912 123 4567")]
    [InlineData("۰۹۱۲ ۱۲۳ ۴۵۶۷")]
    [InlineData("+98 912 123 4567")]
    [InlineData("00989121234567")]
    [InlineData("0912123")] // the start of the number
    public async Task A_contact_is_found_by_phone_in_any_form(string query)
    {
        var tenant = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("contacts", new { lastName = "Tehrani", phones = new[] { new { value = "09121234567" } } });
        await tenant.CreateAsync("contacts", new { lastName = "Other", phones = new[] { new { value = "09351234567" } } });

        Assert.Equal([id], await ListAsync(tenant.Admin, "contacts", query));
        Assert.Equal([id], await GlobalAsync(tenant.Admin, query, "contact"));
    }

    [Fact]
    public async Task Exact_words_come_before_prefixes_and_prefixes_before_typos()
    {
        var tenant = await app.CreateTenantAsync();
        var typo = await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie" });
        var prefix = await tenant.CreateAsync("contacts", new { firstName = "Nima", lastName = "Rezaeian" });
        var exact = await tenant.CreateAsync("contacts", new { firstName = "Hadi", lastName = "Rezaei" });
        await tenant.CreateAsync("contacts", new { firstName = "Sara", lastName = "Ahmadi" });

        Assert.Equal([exact, prefix, typo], await ListAsync(tenant.Admin, "contacts", "rezaei"));
        Assert.Equal([exact, prefix, typo], await GlobalAsync(tenant.Admin, "rezaei", "contact"));

        // Keyset paging follows the ranking.
        var first = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=rezaei&limit=2");
        var next = first.GetProperty("nextCursor").GetString();
        var second = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q=rezaei&limit=2&cursor={next}");
        Assert.Equal([exact, prefix, typo], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(c => c.GetProperty("id").GetGuid()));

        // An explicit sort still wins over relevance.
        var byName = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=rezaei&sort=firstName");
        Assert.Equal([typo, exact, prefix], byName.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Beyond_the_ranking_window_older_matches_follow_newest_first_paging_sees_each_once_and_typos_stay_out()
    {
        var tenant = await app.CreateTenantAsync();
        var typo = await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie" });
        var exact = await tenant.CreateAsync("contacts", new { firstName = "Hadi", lastName = "Rezaei" });
        var prefixes = new List<Guid>();
        for (var i = 0; i < Keyset.RelevanceWindow + 2; i++)
            prefixes.Add(await tenant.CreateAsync("contacts", new { firstName = $"N{i}", lastName = "Rezaeian" }));

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await tenant.Admin.GetFromJsonAsync<JsonElement>(
                $"/api/v1/contacts?q=rezaei&limit=60{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            if (seen.Count == 60) // a record added while paging neither shifts nor repeats what is left
                await tenant.CreateAsync("contacts", new { firstName = "Late", lastName = "Rezaeian" });
        }
        while (cursor is not null);

        // The newest matches, ranked (all prefixes, so oldest id first), then the older ones newest first.
        var window = prefixes.TakeLast(Keyset.RelevanceWindow).ToList();
        var expected = window.Concat([prefixes[1], prefixes[0], exact]).ToList();
        var original = seen.Where(expected.Contains).ToList();
        Assert.Equal(expected, original);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // With a window's worth of real matches, typos only add noise: they are left out.
        Assert.DoesNotContain(typo, seen);
        Assert.DoesNotContain(typo, await GlobalAsync(tenant.Admin, "rezaei", "contact"));

        // With a window's worth of matches or fewer the ranking is complete: the exact match comes first.
        Assert.Equal(exact, (await ListAsync(tenant.Admin, "contacts", "hadi rezaei"))[0]);
    }

    [Fact]
    public async Task Companies_are_found_with_typos_and_by_prefix_in_the_list_and_the_global_search()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("companies", new { name = "Pars Khodro" });
        await tenant.CreateAsync("companies", new { name = "Mellat Bank" });
        await other.CreateAsync("companies", new { name = "Pars Khodro" });

        foreach (var query in new[] { "khodor", "pars khod", "PARS" })
        {
            Assert.Equal([id], await ListAsync(tenant.Admin, "companies", query));
            Assert.Equal([id], await GlobalAsync(tenant.Admin, query, "company"));
        }
    }

    [Fact]
    public async Task A_record_whose_search_text_changes_is_found_by_the_new_text_only()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("contacts", new { firstName = "Kaveh", lastName = "Moradi" });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { lastName = "Jafari" })).ShouldHaveAsync(HttpStatusCode.OK);

        Assert.Equal([id], await ListAsync(tenant.Admin, "contacts", "jafari"));
        Assert.Empty(await ListAsync(tenant.Admin, "contacts", "moradi"));
        await (await tenant.Admin.DeleteAsync($"/api/v1/contacts/{id}")).ShouldHaveAsync(HttpStatusCode.NoContent);
        Assert.Empty(await ListAsync(tenant.Admin, "contacts", "jafari"));
    }

    [Fact]
    public async Task Typo_search_respects_visibility()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync("sales-rep");
        await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie" });
        var mine = await rep.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Reza", lastName = "Rezaee" });
        await mine.ShouldHaveAsync(HttpStatusCode.Created);

        Assert.Equal([(await mine.JsonAsync()).GetProperty("id").GetGuid()], await ListAsync(rep, "contacts", "rezaei"));
        Assert.Single(await GlobalAsync(rep, "rezaei", "contact"));
    }

    private static async Task<List<Guid>> ListAsync(HttpClient client, string collection, string query)
    {
        var response = await client.GetAsync($"/api/v1/{collection}?q={Uri.EscapeDataString(query)}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static async Task<List<Guid>> GlobalAsync(HttpClient client, string query, string type)
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(h => h.GetProperty("type").GetString() == type).Select(h => h.GetProperty("id").GetGuid())];
    }
}

public sealed class SearchTestsSqlite(SqliteApp app) : SearchTests(app)
{
    private readonly SqliteApp _app = app;

    [Fact]
    public async Task The_FTS5_index_narrows_the_candidates()
    {
        var tenant = await _app.CreateTenantAsync();
        await tenant.CreateAsync("contacts", new { firstName = "Ali", lastName = "Rezaie" });
        var plan = await _app.InTenantAsync(tenant.Id, async db =>
        {
            var sql = db.Set<Contact>().Matching(db, "rezaei", c => c.SearchText).ToQueryString();
            Assert.Contains("\"SearchIndex\"", sql, StringComparison.Ordinal);
            return sql;
        });
        Assert.Contains("pv_word_similarity", plan, StringComparison.Ordinal);
    }
}

public sealed class SearchTestsPostgres(PostgresApp app) : SearchTests(app)
{
    private readonly PostgresApp _app = app;

    [Fact]
    public async Task Searches_use_the_trigram_index_on_a_large_table()
    {
        var tenant = await _app.CreateTenantAsync();
        await using var connection = new NpgsqlConnection(Peyvand.Kernel.Data.DatabaseSettings.Tuned(_app.ConnectionString!));
        await connection.OpenAsync();
        // Twenty thousand contacts of this tenant (below about five thousand the planner rightly prefers a scan), written directly (the API would take minutes on a shared machine).
        await using (var seed = new NpgsqlCommand(
            """
            INSERT INTO contacts (id, first_name, last_name, emails, phones, lifecycle_stage, tags, search_text, tenant_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), f, l || i, '[]', '[]', 'Lead', '{}', lower(f || ' ' || l || i || ' c' || i || '@example.com'), @tenant, now(), now(), 1
            FROM generate_series(1, 20000) AS i,
                 LATERAL (SELECT (ARRAY['Ali','Omid','Sara','Maryam','Hossein','Zahra','Mehdi','Fatemeh','Amir','Neda'])[1 + i % 10] AS f,
                                 (ARRAY['Ahmadi','Hosseini','Karimi','Moradi','Jafari','Rahimi','Kazemi','Ebrahimi','Nouri','Sadeghi'])[1 + i / 10 % 10] AS l) AS names;
            
            """, connection))
        {
            seed.Parameters.AddWithValue("tenant", tenant.Id);
            await seed.ExecuteNonQueryAsync();
        }
        // As autovacuum would: statistics, and the GIN pending list merged into the index.
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE contacts", connection))
            await vacuum.ExecuteNonQueryAsync();
        // The shape of what Search.Matching sends for one word: LIKE or word-similar, then the tenant and soft-delete filters.
        var plan = await connection.ExplainAsync(
            "SELECT id FROM contacts WHERE tenant_id = @tenant AND deleted_at IS NULL AND (search_text LIKE @like OR @word <% search_text)",
            ("tenant", tenant.Id), ("like", "%rezaei%"), ("word", "rezaei"));
        Assert.Contains("Bitmap Index Scan on ix_contacts_search_text", plan, StringComparison.Ordinal);

        var sql = await _app.InTenantAsync(tenant.Id, db =>
            Task.FromResult(db.Set<Contact>().Matching(db, "rezaei", c => c.SearchText).ToQueryString()));
        Assert.Contains("<%", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
    }
}
