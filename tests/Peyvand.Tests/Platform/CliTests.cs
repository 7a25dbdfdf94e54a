using System.Net;
using Peyvand.Kernel.Data;
using Peyvand.Web.Cli;

namespace Peyvand.Tests.Platform;

/// <summary>The CLI verbs, run in-process against the test app's own database, so what they create can be used through the API.</summary>
public abstract class CliTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Migrate_succeeds_on_a_migrated_database()
    {
        var run = await RunAsync(Settings(app), "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Create_tenant_user_and_api_key_give_a_key_that_works_against_the_api_among_other_organisations()
    {
        app.RequireDatabase();
        var slug = $"cli-{Guid.NewGuid():N}"[..16];
        var email = $"rep-{Guid.NewGuid():N}@example.com";

        var tenant = await RunAsync(Settings(app), "create-tenant", "--name", "CLI organisation", "--slug", slug,
            "--admin-email", $"admin-{Guid.NewGuid():N}@example.com", "--admin-password", PeyvandAppFactory.AdminPassword);
        var user = await RunAsync(Settings(app), "create-user", "--email", email, "--password", PeyvandAppFactory.AdminPassword,
            "--role", "sales-rep", "--tenant", slug);
        await app.CreateTenantAsync(); // a newer organisation: the verb must still find a user of an older one
        var key = await RunAsync(Settings(app), "create-api-key", "--email", email, "--name", "from the CLI");

        Assert.True((tenant.ExitCode, user.ExitCode, key.ExitCode) == (0, 0, 0), tenant.Error + user.Error + key.Error);
        var secret = key.Output.TrimEnd().Split('\n')[^1];
        Assert.Matches("^pvk_[A-Za-z0-9_-]+$", secret);
        using var client = app.ApiClient(secret);
        var me = await client.GetAsync("/api/v1/me");
        await me.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(email, (await me.JsonAsync()).GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_one_line_on_stderr()
    {
        var run = await RunAsync(Settings(app), "frobnicate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("frobnicate", run.Error);
    }

    [Fact]
    public async Task Bad_invocations_fail_with_a_one_line_reason_and_no_stack_trace()
    {
        var tenant = await app.CreateTenantAsync();
        var password = PeyvandAppFactory.AdminPassword;
        string[][] invocations =
        [
            ["create-user", "--email", "missing-role@example.com", "--password", password, "--tenant", tenant.Slug],
            ["migrate", "--colour", "red"],
            ["create-user", "--email", $"{Guid.NewGuid():N}@example.com", "--password", password, "--role", "wizard", "--tenant", tenant.Slug],
            ["create-user", "--email", tenant.AdminEmail, "--password", password, "--role", "sales-rep", "--tenant", tenant.Slug],
            ["create-api-key", "--email", "nobody@example.com", "--name", "x"],
        ];

        foreach (var args in invocations)
        {
            var run = await RunAsync(Settings(app), args);
            var invocation = string.Join(' ', args);
            Assert.True(run.ExitCode != 0, $"'{invocation}' succeeded.");
            Assert.True(run.ErrorLines.Count == 1 && !run.Error.Contains("   at ", StringComparison.Ordinal),
                $"'{invocation}' should give one line on stderr, gave:\n{run.Error}");
        }
    }

    protected static IReadOnlyDictionary<string, string?> Settings(PeyvandAppFactory target) => new Dictionary<string, string?>
    {
        ["Peyvand:DataDir"] = target.DataDir,
        ["Peyvand:Database:Provider"] = target.Provider.ToString(),
        ["ConnectionStrings:Postgres"] = target.ConnectionString,
    };

    protected async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        app.RequireDatabase();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliDispatcher.RunAsync(args, output, error, settings);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    protected sealed record CliRun(int ExitCode, string Output, string Error)
    {
        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

public sealed class CliTestsSqlite(SqliteApp app) : CliTests(app)
{
    [Fact]
    public async Task Migrate_creates_the_database_in_an_empty_data_dir()
    {
        var dataDir = Directory.CreateTempSubdirectory("peyvand-cli-").FullName;
        try
        {
            var run = await RunAsync(new Dictionary<string, string?>
            {
                ["Peyvand:DataDir"] = dataDir,
                ["Peyvand:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            }, "migrate");

            Assert.Equal(0, run.ExitCode);
            Assert.True(File.Exists(Path.Combine(dataDir, "peyvand.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

public sealed class CliTestsPostgres(PostgresApp app) : CliTests(app);
