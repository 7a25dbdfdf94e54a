using System.Net;
using System.Text.Json.Nodes;

namespace Peyvand.Tests.Platform;

/// <summary>
/// Every write route in the OpenAPI document, sent every kind of broken body, answers a 4xx problem and writes nothing.
/// New routes and new fields are covered automatically; a new resource adds a body to <see cref="TestTenant.NewRecordBody"/>.
/// </summary>
public abstract class BadInputTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Every_write_route_refuses_bad_bodies_with_a_problem_and_writes_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var ids = await tenant.CreateOneOfEachAsync();
        var routes = (await ApiRoute.ReadAsync(tenant.Admin)).Where(r => r.IsWrite).ToList();
        Assert.NotEmpty(routes);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = route.HasId ? route.Url(ids[route.Collection]) : route.Path;
            // A POST to a collection must be valid but for its one defect; a merge patch may leave every field out.
            var valid = route.Method == "POST" && !route.HasId ? TestTenant.NewRecordBody(route.Collection, ids) : [];
            foreach (var bad in BadBodies.For(route, valid))
            {
                var before = await tenant.SnapshotAsync();
                var response = await tenant.Admin.SendRawAsync(route.Method, url, bad.Body, bad.ContentType);
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || mediaType != "application/problem+json")
                    failures.Add($"{route} with {bad}: {status} {mediaType} {Shorten(await response.Content.ReadAsStringAsync())}");
                var after = await tenant.SnapshotAsync();
                if (after != before)
                    failures.Add($"{route} with {bad} wrote data: {before} → {after}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

public sealed class BadInputTestsSqlite(SqliteApp app) : BadInputTests(app);

public sealed class BadInputTestsPostgres(PostgresApp app) : BadInputTests(app);
