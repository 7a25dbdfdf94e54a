using System.Net;
using System.Text.Json;

namespace Peyvand.Tests.Platform;

/// <summary>
/// Every route in the OpenAPI document, called by one tenant with another tenant's ids, must answer 404 (or 403) and
/// never show the other tenant's rows. New routes are covered automatically; a new resource must add a record below.
/// </summary>
public abstract class TenantIsolationTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Every_route_hides_another_tenants_records()
    {
        var ours = await app.CreateTenantAsync();
        var theirs = await app.CreateTenantAsync();
        var theirIds = await theirs.CreateOneOfEachAsync();
        var secrets = theirIds.Values.Select(id => id.ToString()).Append(theirs.AdminEmail).Append(theirs.Id.ToString()).ToList();

        var routes = await ApiRoute.ReadAsync(ours.Admin);
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            if (route.HasId)
            {
                Assert.True(theirIds.TryGetValue(route.Collection, out var id),
                    $"{route}: add a '{route.Collection}' record to {nameof(TestTenant)}.{nameof(TestTenant.CreateOneOfEachAsync)} so tenant isolation is tested for it.");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(id));
                if (route.IsWrite)
                    request.Content = JsonContent.Create(new { name = "hijack" });
                var response = await ours.Admin.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    $"{route} with another tenant's id gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            else if (route.Method == "GET")
            {
                // Searching for their records' names is the hardest test of a list: it must still find nothing.
                var response = await ours.Admin.GetAsync($"{route.Path}?q=secret");
                await response.ShouldHaveAsync(HttpStatusCode.OK);
                var body = await response.Content.ReadAsStringAsync();
                foreach (var secret in secrets)
                    Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{route} showed another tenant's data ({secret}).");
            }
        }

        // Nothing of theirs was changed or deleted by all that.
        foreach (var (collection, id) in theirIds)
            await (await theirs.Admin.GetAsync($"/api/v1/{collection}/{id}")).ShouldHaveAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_route_refuses_callers_without_a_valid_key()
    {
        var tenant = await app.CreateTenantAsync();
        var routes = await ApiRoute.ReadAsync(tenant.Admin);
        foreach (var key in new[] { null, "pvk_not-a-real-key-at-all-0000000000000" })
        {
            using var client = app.ApiClient(key);
            foreach (var route in routes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(Guid.NewGuid()));
                var response = await client.SendAsync(request);
                await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            }
        }
    }
}

public sealed class TenantIsolationTestsSqlite(SqliteApp app) : TenantIsolationTests(app);

public sealed class TenantIsolationTestsPostgres(PostgresApp app) : TenantIsolationTests(app);
