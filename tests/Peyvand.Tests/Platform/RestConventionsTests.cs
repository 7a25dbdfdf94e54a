using System.Net;
using System.Text.Json;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

/// <summary>The HTTP contract every resource shares (ARCHITECTURE.md, "Contract: HTTP"), shown on teams and the platform routes.</summary>
public abstract class RestConventionsTests(PeyvandAppFactory app)
{
    private static readonly string[] EveryRouteAnswers = ["401", "403", "429"];

    [Fact]
    public async Task Post_returns_201_with_a_Location_that_reads_back_and_an_ETag()
    {
        var tenant = await app.CreateTenantAsync();
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/teams", new { name = "Field sales" });

        await response.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.NotNull(response.ETag());
        var location = response.Headers.Location?.ToString();
        Assert.NotNull(location);
        var read = await tenant.Admin.GetAsync(location);
        await read.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("Field sales", (await read.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal(response.ETag(), read.ETag());
    }

    [Fact]
    public async Task Patch_with_a_stale_IfMatch_is_412_and_changes_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var (url, firstETag) = await CreateTeamAsync(tenant, "Original");
        await (await tenant.Admin.PatchJsonAsync(url, new { name = "Second" }, firstETag)).ShouldHaveAsync(HttpStatusCode.OK);
        var before = await tenant.SnapshotAsync();

        var stale = await tenant.Admin.PatchJsonAsync(url, new { name = "Lost update" }, firstETag);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await tenant.SnapshotAsync());
        Assert.Equal("Second", (await (await tenant.Admin.GetAsync(url)).JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_with_the_current_ETag_succeeds_and_bumps_the_ETag()
    {
        var tenant = await app.CreateTenantAsync();
        var (url, etag) = await CreateTeamAsync(tenant, "Original");

        var response = await tenant.Admin.PatchJsonAsync(url, new { description = "Now described" }, etag);

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.NotNull(response.ETag());
        Assert.NotEqual(etag, response.ETag());
        var read = await tenant.Admin.GetAsync(url);
        Assert.Equal(response.ETag(), read.ETag());
        Assert.Equal("Now described", (await read.JsonAsync()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Delete_with_a_stale_IfMatch_is_412_and_keeps_the_record()
    {
        var tenant = await app.CreateTenantAsync();
        var (url, firstETag) = await CreateTeamAsync(tenant, "Keep me");
        await (await tenant.Admin.PatchJsonAsync(url, new { name = "Kept" }, firstETag)).ShouldHaveAsync(HttpStatusCode.OK);

        await (await tenant.Admin.DeleteAsync(url, firstETag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        await (await tenant.Admin.GetAsync(url)).ShouldHaveAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_patches_with_the_same_IfMatch_let_exactly_one_win()
    {
        var tenant = await app.CreateTenantAsync();
        var (url, etag) = await CreateTeamAsync(tenant, "Contested");
        using var other = await tenant.ClientForUserAsync(tenant.AdminUserId);

        var responses = await Task.WhenAll(
            tenant.Admin.PatchJsonAsync(url, new { name = "First writer" }, etag),
            other.PatchJsonAsync(url, new { name = "Second writer" }, etag));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var read = await tenant.Admin.GetAsync(url);
        Assert.Equal((await winner.JsonAsync()).GetProperty("name").GetString(), (await read.JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_replays_the_first_response_and_creates_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        const string body = """{"name":"Once only"}""";

        var first = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", body, idempotencyKey: "create-team-1");
        var teams = await tenant.CountAsync<Team>();
        var repeat = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", body, idempotencyKey: "create-team-1");

        await first.ShouldHaveAsync(HttpStatusCode.Created);
        await repeat.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(first.ETag(), repeat.ETag());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(teams, await tenant.CountAsync<Team>());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_a_different_body_is_422()
    {
        var tenant = await app.CreateTenantAsync();
        await (await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", """{"name":"A"}""", idempotencyKey: "k-1"))
            .ShouldHaveAsync(HttpStatusCode.Created);
        var teams = await tenant.CountAsync<Team>();

        var reused = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", """{"name":"B"}""", idempotencyKey: "k-1");

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(teams, await tenant.CountAsync<Team>());
    }

    [Fact]
    public async Task Different_tenants_use_the_same_Idempotency_Key_independently()
    {
        var ours = await app.CreateTenantAsync();
        var theirs = await app.CreateTenantAsync();
        const string body = """{"name":"Shared key"}""";

        var mine = await ours.Admin.SendRawAsync("POST", "/api/v1/teams", body, idempotencyKey: "shared-key");
        var yours = await theirs.Admin.SendRawAsync("POST", "/api/v1/teams", body, idempotencyKey: "shared-key");

        await mine.ShouldHaveAsync(HttpStatusCode.Created);
        await yours.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.NotEqual(mine.Headers.Location, yours.Headers.Location);
        Assert.Equal(1, await ours.CountAsync<Team>());
        Assert.Equal(1, await theirs.CountAsync<Team>());
    }

    [Fact]
    public async Task A_refused_request_leaves_its_Idempotency_Key_free_for_a_corrected_retry()
    {
        var tenant = await app.CreateTenantAsync();

        var refused = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", """{"name":""}""", idempotencyKey: "retry-me");
        var refusedAgain = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", """{"name":""}""", idempotencyKey: "retry-me");
        var corrected = await tenant.Admin.SendRawAsync("POST", "/api/v1/teams", """{"name":"Fixed"}""", idempotencyKey: "retry-me");

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await refusedAgain.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await corrected.ShouldHaveAsync(HttpStatusCode.Created);
        Assert.Equal(1, await tenant.CountAsync<Team>());
    }

    [Fact]
    public async Task Two_users_of_a_tenant_use_the_same_Idempotency_Key_independently()
    {
        var tenant = await app.CreateTenantAsync();
        var (repId, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        const string body = """{"name":"Deploy"}""";

        var admins = await tenant.Admin.SendRawAsync("POST", "/api/v1/api-keys", body, idempotencyKey: "deploy");
        var reps = await rep.SendRawAsync("POST", "/api/v1/api-keys", body, idempotencyKey: "deploy");

        await admins.ShouldHaveAsync(HttpStatusCode.Created);
        await reps.ShouldHaveAsync(HttpStatusCode.Created);
        var repsKey = await reps.JsonAsync();
        Assert.Equal(repId, repsKey.GetProperty("userId").GetGuid());
        Assert.NotEqual((await admins.JsonAsync()).GetProperty("key").GetString(), repsKey.GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-createdAt")]
    public async Task Keyset_pages_list_every_record_once_in_order(string sort)
    {
        var tenant = await app.CreateTenantAsync();
        var created = new List<(Guid Id, string Name)>();
        foreach (var i in Enumerable.Range(0, 25))
        {
            var name = $"Team {(i * 7) % 25:00}"; // names in another order than creation
            created.Add((await tenant.CreateAsync("teams", new { name }), name));
        }

        var listed = await tenant.Admin.ListAllIdsAsync($"/api/v1/teams?sort={sort}", limit: 10);

        var expected = sort == "name"
            ? created.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Id)
            : created.Select(t => t.Id).Reverse();
        Assert.Equal(expected, listed);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", null)]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("cursor=eyJWYWx1ZSI6MX0", "cursor")]
    [InlineData("sort=colour", "sort")]
    public async Task Bad_list_parameters_are_a_400_problem(string query, string? field)
    {
        var tenant = await app.CreateTenantAsync();

        var problem = await (await tenant.Admin.GetAsync($"/api/v1/teams?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Validation_errors_are_a_400_problem_keyed_by_camelCase_field()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "", password = "x" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("displayName", fields);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var tenant = await app.CreateTenantAsync();

        await (await tenant.Admin.GetAsync($"/api/v1/teams/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_answer()
    {
        app.RequireDatabase();
        using var client = app.ApiClient(null);

        await (await client.GetAsync("/healthz")).ShouldHaveAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/readyz")).ShouldHaveAsync(HttpStatusCode.OK);
        var metrics = await client.GetAsync("/metrics");
        await metrics.ShouldHaveAsync(HttpStatusCode.OK);
        var exported = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_request_duration_seconds_count{", exported); // one series per route, method and status
        Assert.Contains("system_runtime_dotnet_gc_heap_total_allocated", exported); // the bench reads allocations from it
    }

    [Fact]
    public async Task The_api_docs_page_answers()
    {
        app.RequireDatabase();
        using var client = app.ApiClient(null);

        var response = await client.GetAsync("/api/docs");
        if (response.StatusCode == HttpStatusCode.Redirect) // the docs UI moves to its folder URL, /api/docs/
            response = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!));

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_operation_fully()
    {
        var tenant = await app.CreateTenantAsync();
        var routes = await ApiRoute.ReadAsync(tenant.Admin);
        var gaps = new List<string>();
        foreach (var route in routes.Where(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var operation = route.Operation;
            if (!operation.TryGetProperty("operationId", out _))
                gaps.Add($"{route}: no operationId");
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                gaps.Add($"{route}: no summary");
            var responses = operation.GetProperty("responses");
            foreach (var status in EveryRouteAnswers.Where(s => !responses.TryGetProperty(s, out _)))
                gaps.Add($"{route}: no {status} response");
            if (route.IsWrite)
            {
                if (!responses.TryGetProperty("400", out _))
                    gaps.Add($"{route}: no 400 response");
                // Actions such as POST …/{id}/restore take no body; creates and patches must describe theirs.
                if (route.TakesBody && route.BodySchema?.TryGetProperty("properties", out _) != true)
                    gaps.Add($"{route}: no request body schema with properties");
            }
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));

        // The document is the same on both providers; one writer avoids two racing on the file.
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var text = await tenant.Admin.GetStringAsync("/openapi/v1.json");
            var path = Path.Combine(RepositoryRoot.Path, "docs", "api", "openapi.v1.json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text.ReplaceLineEndings("\n").TrimEnd() + "\n");
        }
    }

    [Fact]
    public async Task Bursting_past_the_rate_limit_is_429_with_RetryAfter_for_that_key_only()
    {
        app.RequireDatabase();
        await using var limited = new PeyvandAppFactory(app.Provider, new Dictionary<string, string?>
        {
            ["Peyvand:RateLimit:PermitsPerMinute"] = "60",
        });
        await limited.InitializeAsync();
        var tenant = await limited.CreateTenantAsync();
        using var otherKey = await tenant.ClientForUserAsync(tenant.AdminUserId);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await tenant.Admin.GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
            else
                await response.ShouldHaveAsync(HttpStatusCode.OK);
        }

        Assert.NotNull(refused);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        await (await otherKey.GetAsync("/api/v1/me")).ShouldHaveAsync(HttpStatusCode.OK);
    }

    private static async Task<(string Url, string ETag)> CreateTeamAsync(TestTenant tenant, string name)
    {
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/teams", new { name });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return (response.Headers.Location!.ToString(), response.ETag()!);
    }
}

public sealed class RestConventionsTestsSqlite(SqliteApp app) : RestConventionsTests(app);

public sealed class RestConventionsTestsPostgres(PostgresApp app) : RestConventionsTests(app);
