using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Tests.Infrastructure;

/// <summary>
/// The whole application over a real database of its own (a temp SQLite file, or a fresh PostgreSQL database in the
/// cluster test.sh starts). Tests isolate from each other by creating their own tenants, as real customers are.
/// </summary>
public class PeyvandAppFactory(
    DatabaseProvider provider,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "PEYVAND_TEST_POSTGRES";
    public const string AdminPassword = "correct-horse-battery-42";

    private string _dataDir = Directory.CreateTempSubdirectory("peyvand-test-").FullName;
    private string? _postgresDatabase;
    private bool _ownsDatabase = true;

    public DatabaseProvider Provider { get; } = provider;
    public string? ConnectionString { get; private set; }
    public string DataDir => _dataDir;

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>
    /// A second application over this one's database, as after a restart or on another node. The database now
    /// belongs to the new application: it is removed when that one is disposed.
    /// </summary>
    public PeyvandAppFactory SharingDatabase(Action<IServiceCollection>? otherServices = null)
    {
        var other = new PeyvandAppFactory(Provider, settings, otherServices)
        {
            _dataDir = _dataDir,
            _postgresDatabase = _postgresDatabase,
            ConnectionString = ConnectionString,
            _ownsDatabase = _ownsDatabase,
        };
        _ownsDatabase = false;
        return other;
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && ConnectionString is null)
        {
            if (string.IsNullOrEmpty(PostgresServer))
                return; // tests skip themselves (see RequireDatabase); ./test.sh always provides a server
            _postgresDatabase = await ThrowawayDatabase.CreateAsync(PostgresServer, "peyvand_test");
            ConnectionString = ThrowawayDatabase.ConnectionString(PostgresServer, _postgresDatabase);
        }
        // Started here, once: test classes run in parallel, and WebApplicationFactory's lazy start is not thread-safe
        // (two racing starts would each bootstrap the first organisation).
        if (Provider == DatabaseProvider.Sqlite || ConnectionString is not null)
            StartServer();
    }

    public void RequireDatabase()
    {
        if (Provider == DatabaseProvider.Postgres && ConnectionString is null)
            Assert.Skip($"{PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Peyvand:DataDir", _dataDir);
        builder.UseSetting("Peyvand:Database:Provider", Provider.ToString());
        if (ConnectionString is not null)
            builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Peyvand:Bootstrap:AdminEmail", $"root-{Guid.NewGuid():N}@example.com");
        builder.UseSetting("Peyvand:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Peyvand:RateLimit:PermitsPerMinute", "100000");
        builder.UseSetting("Peyvand:Jobs:OutboxInterval", "00:00:00.500");
        if (Environment.GetEnvironmentVariable("PEYVAND_TEST_SMTP_PORT") is { } smtpPort)
        {
            builder.UseSetting("Peyvand:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Peyvand:Smtp:Port", smtpPort);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (services is not null)
            builder.ConfigureServices(services);
    }

    /// <summary>A new organisation with its administrator and an API client acting as them.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? name = null)
    {
        RequireDatabase();
        name ??= $"Org {Guid.NewGuid():N}"[..16];
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        var result = await provisioning.CreateAsync(name, null, adminEmail, AdminPassword, CancellationToken.None);
        var tenant = new TestTenant(this, result.Tenant.Id, result.Tenant.Slug, adminEmail, result.Administrator.Id);
        tenant.Admin = await tenant.ClientForUserAsync(result.Administrator.Id);
        return tenant;
    }

    /// <summary>An API client with the given bearer key (or none).</summary>
    public HttpClient ApiClient(string? key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting as the system for a tenant, for direct database checks.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<PeyvandDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<PeyvandDbContext>());
    }

    internal async Task<string> IssueKeyAsync(Guid tenantId, Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenantId, userId);
        var keys = scope.ServiceProvider.GetRequiredService<ResourceService<ApiKey, ApiKeyWrite, ApiKeyView>>();
        await keys.CreateAsync(new ApiKeyWrite("test", UserId: userId), CancellationToken.None);
        return ((ApiKeyResource)keys.Definition).IssuedSecret!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDatabase)
            return;
        if (_postgresDatabase is not null)
            await ThrowawayDatabase.DropAsync(PostgresServer!, _postgresDatabase);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>One application per provider for the whole run (xunit assembly fixtures).</summary>
public sealed class SqliteApp() : PeyvandAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : PeyvandAppFactory(DatabaseProvider.Postgres);
