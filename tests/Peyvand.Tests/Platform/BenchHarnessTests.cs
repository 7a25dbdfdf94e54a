using Peyvand.Bench;
using Peyvand.Web.Cli;

namespace Peyvand.Tests.Platform;

/// <summary>
/// A few seconds of the load harness (bench/) against the in-process app, so its scenarios keep matching the API.
/// It asserts that every request succeeds, never how fast: numbers belong in docs/performance.md.
/// </summary>
public sealed class BenchHarnessTests(SqliteApp app)
{
    [Fact]
    public async Task The_list_and_mixed_scenarios_run_against_seeded_data_without_errors()
    {
        var tenant = await app.CreateTenantAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var seeded = await CliDispatcher.RunAsync(["seed-demo", "--contacts", "200", "--tenant", tenant.Slug], output, error, new Dictionary<string, string?>
        {
            ["Peyvand:DataDir"] = app.DataDir,
            ["Peyvand:Database:Provider"] = app.Provider.ToString(),
        });
        Assert.True(seeded == 0, error.ToString());

        var fixture = await Fixture.LoadAsync(tenant.Admin, TestContext.Current.CancellationToken);
        var scenarios = new Scenarios(tenant.Admin, fixture);
        // One worker and short runs: the test app keeps its default rate limit (a burst of 200 requests per key).
        foreach (var (name, step) in scenarios.ListQueries())
        {
            var list = await Load.RunAsync(1, TimeSpan.FromMilliseconds(300), step);
            Assert.True(list.Total.Count > 0 && list.Total.Errors == 0, $"{name}:\n{list.ToTable()}");
        }
        var mixed = await Load.RunAsync(1, TimeSpan.FromSeconds(1), scenarios.MixedAsync);
        Assert.True(mixed.Total.Count > 0 && mixed.Total.Errors == 0, mixed.ToTable());
    }
}
