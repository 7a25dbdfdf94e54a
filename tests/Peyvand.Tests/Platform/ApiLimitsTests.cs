using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Quartz;

namespace Peyvand.Tests.Platform;

/// <summary>The published API limits: rate-limit headers, the 1 MiB body limit and the 24-hour idempotency window.</summary>
public abstract class ApiLimitsTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Every_api_response_says_where_the_caller_stands_against_the_rate_limit()
    {
        var tenant = await app.CreateTenantAsync();
        using var anonymous = app.ApiClient(null);

        var responses = new[]
        {
            await tenant.Admin.GetAsync("/api/v1/me"),
            await tenant.Admin.PostAsJsonAsync("/api/v1/teams", new { name = "Limits" }),
            await tenant.Admin.GetAsync($"/api/v1/teams/{Guid.NewGuid()}"),
            await anonymous.GetAsync("/api/v1/me"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized],
            responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            // The factory's budget is 100 000 a minute per key: bursts of 16 666, refilled by 1 666 a second.
            Assert.Equal("16666", Header(response, "RateLimit-Limit"));
            Assert.InRange(int.Parse(Header(response, "RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture), 0, 16666);
            Assert.NotNull(Header(response, "RateLimit-Reset"));
            Assert.StartsWith("16666;w=10;comment=\"api key\", 83333;w=", Header(response, "RateLimit-Policy"), StringComparison.Ordinal);
        }
        Assert.Null(Header(await anonymous.GetAsync("/healthz"), "RateLimit-Limit"));
    }

    [Fact]
    public async Task A_chunked_body_over_1_MiB_without_ContentLength_is_refused_by_Kestrel_with_413_and_writes_nothing()
    {
        app.RequireDatabase();
        var port = FreePort();
        await using var kestrel = new PeyvandAppFactory(app.Provider, new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" });
        kestrel.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        await kestrel.InitializeAsync();
        var tenant = await kestrel.CreateTenantAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await kestrel.IssueKeyAsync(tenant.Id, tenant.AdminUserId));
        var before = await tenant.SnapshotAsync();

        var body = System.Text.Encoding.UTF8.GetBytes($"{{\"name\":\"Too big\",\"description\":\"{new string('x', 1024 * 1024 + 1000)}\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams") { Content = new StreamContent(new UnseekableStream(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await tenant.SnapshotAsync());
    }

    [Fact]
    public async Task The_purge_job_forgets_idempotency_records_older_than_a_day_and_keeps_newer_ones()
    {
        var tenant = await app.CreateTenantAsync();
        var now = DateTime.UtcNow;
        await app.InTenantAsync(tenant.Id, async db =>
        {
            db.Add(Record(tenant.Id, "old", now - TimeSpan.FromHours(25)));
            db.Add(Record(tenant.Id, "recent", now - TimeSpan.FromHours(23)));
            return await db.SaveChangesAsync();
        });

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(IdempotencyPurgeJob.Key);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string> keys;
        do
        {
            await Task.Delay(200);
            keys = await app.InTenantAsync(tenant.Id, db => db.Set<IdempotencyRecord>().Select(r => r.Key).ToListAsync());
        }
        while (keys.Contains("old") && DateTime.UtcNow < deadline);
        Assert.Equal(["recent"], keys);
    }

    private static IdempotencyRecord Record(Guid tenantId, string key, DateTime createdAt) => new()
    {
        TenantId = tenantId, Key = key, RequestHash = new string('0', 64), CreatedAt = createdAt, Completed = true, StatusCode = 201,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A body whose length HttpClient cannot know, so it goes out chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

public sealed class ApiLimitsTestsSqlite(SqliteApp app) : ApiLimitsTests(app);

public sealed class ApiLimitsTestsPostgres(PostgresApp app) : ApiLimitsTests(app);

/// <summary>Small budgets, to watch them run out: per key, then per organisation.</summary>
public sealed class RateLimitBudgetTests
{
    [Fact]
    public async Task The_headers_count_down_and_a_refusal_is_429_with_RetryAfter_and_nothing_remaining()
    {
        await using var app = await LimitedAppAsync(perKey: 60, perTenant: 6000);
        var tenant = await app.CreateTenantAsync();

        var remaining = new List<int>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await tenant.Admin.GetAsync("/api/v1/me");
            Assert.Equal("10", Header(response, "RateLimit-Limit"));
            Assert.Equal("10;w=10;comment=\"api key\", 1000;w=10;comment=\"organisation\"", Header(response, "RateLimit-Policy"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
            else
                remaining.Add(int.Parse(Header(response, "RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.NotNull(refused);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("0", Header(refused, "RateLimit-Remaining"));
        Assert.InRange(int.Parse(Header(refused, "RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.True(remaining[0] <= 9 && remaining[^1] < remaining[0], string.Join(", ", remaining));
    }

    [Fact]
    public async Task An_organisation_shares_one_budget_across_its_keys_and_other_organisations_are_unaffected()
    {
        await using var app = await LimitedAppAsync(perKey: 6000, perTenant: 60);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        using var secondKey = await tenant.ClientForUserAsync(tenant.AdminUserId);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await (i % 2 == 0 ? tenant.Admin : secondKey).GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
        }

        Assert.NotNull(refused);
        Assert.Equal("10", Header(refused, "RateLimit-Limit")); // the organisation's bucket is the one that ran out
        await (await other.Admin.GetAsync("/api/v1/me")).ShouldHaveAsync(HttpStatusCode.OK);
    }

    private static async Task<PeyvandAppFactory> LimitedAppAsync(int perKey, int perTenant)
    {
        var app = new PeyvandAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Peyvand:RateLimit:PermitsPerMinute"] = perKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Peyvand:RateLimit:TenantPermitsPerMinute"] = perTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.InitializeAsync();
        return app;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
