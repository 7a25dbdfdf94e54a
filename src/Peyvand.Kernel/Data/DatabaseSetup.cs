using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Peyvand.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the app runs on, read from <c>Peyvand:Database:Provider</c> and the connection strings.</summary>
/// <param name="ReadReplicaConnectionString">
/// <c>ConnectionStrings:PostgresReadReplica</c>: a streaming replica for heavy reads (<see cref="ReadOnlyDbContextFactory"/>).
/// </param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? ReadReplicaConnectionString = null)
{
    public const string SqliteMigrations = "Peyvand.Migrations.Sqlite";
    public const string PostgresMigrations = "Peyvand.Migrations.Postgres";

    public static DatabaseSettings From(IConfiguration configuration, string dataDir)
    {
        var providerText = configuration["Peyvand:Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Peyvand:Database:Provider must be Sqlite or Postgres, not '{providerText}'.");

        if (provider == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("ConnectionStrings:Postgres is required when the provider is Postgres.");
            var replica = configuration.GetConnectionString("PostgresReadReplica");
            return new DatabaseSettings(provider, cs, string.IsNullOrWhiteSpace(replica) ? null : replica);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            Directory.CreateDirectory(dataDir);
            sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDir, "peyvand.db"),
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
        return new DatabaseSettings(provider, sqlite);
    }

    /// <summary>Statements each pooled connection keeps prepared (Npgsql's <c>Max Auto Prepare</c>) unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The connection string the app uses on PostgreSQL:
    /// <list type="bullet">
    /// <item>pg_trgm's word-similarity threshold (what <c>&lt;%</c> and its GIN index search take as a typo) for every
    /// session: as a startup option it also survives the pool's DISCARD ALL. See docs/adr/0006-search.md.</item>
    /// <item>Automatic preparation of the statements a connection runs often (ADR 0010): a repeated query (the same
    /// record read, list or lookup) is then parsed and planned once per connection instead of on every request, and
    /// Npgsql skips describing its columns again. An explicit <c>Max Auto Prepare</c> (0 turns it off, e.g. behind a
    /// transaction-pooling PgBouncer older than 1.21) wins.</item>
    /// <item>No session reset when a connection goes back to the pool (ADR 0011): Npgsql would otherwise run half a dozen
    /// reset statements (<c>CLOSE ALL; RESET ALL; UNLISTEN *; …</c>) before the next request's query, as much server work
    /// as the query itself. Safe because the app keeps no session state: settings are <c>SET LOCAL</c> inside a transaction,
    /// and a connection returned inside a transaction is rolled back all the same. An explicit <c>No Reset On Close</c> wins.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var setting = FormattableString.Invariant($"-c pg_trgm.word_similarity_threshold={Text.Search.FuzzyThreshold}");
        if (builder.Options?.Contains("pg_trgm.word_similarity_threshold", StringComparison.Ordinal) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : $"{builder.Options} {setting}";
        if (!Says(connectionString, "MaxAutoPrepare"))
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!Says(connectionString, "NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    // The builder cannot tell an explicit default value from an absent one, so look at the keys as written ("Max Auto Prepare", "MaxAutoPrepare").
    private static bool Says(string connectionString, string key) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(key, StringComparison.OrdinalIgnoreCase));

    public void Configure(DbContextOptionsBuilder options) => Configure(options, ConnectionString);

    public void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(Tuned(connectionString), o => o.MigrationsAssembly(PostgresMigrations))
                .UseSnakeCaseNamingConvention();
        }
        else
        {
            // Only SQLite's contexts carry the connection interceptor: with any interceptor of the kind, EF builds event data on
            // every connection open.
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(SqlitePragmas.Instance);
        }
    }
}

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddPeyvandDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ModelContributors>();
        services.AddSingleton<TrackingInterceptor>();
        services.AddScoped<BulkInsert>();
        services.AddSingleton<CustomFields.CustomFieldDefinitionCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, CustomFields.CustomFieldDefinitionInvalidation>();
        // Contexts are pooled (docs/adr/0009-pooled-dbcontext.md): a request leases a ready context instead of building one
        // and its EF services. The options are built once (every interceptor is a singleton). The scope that leases a
        // context hands it the scope's current user, which the query filters read at query time.
        services.AddSingleton(sp =>
        {
            var options = new DbContextOptionsBuilder<PeyvandDbContext>().UseApplicationServiceProvider(sp);
            settings.Configure(options);
            UseModelContributors(options, sp.GetRequiredService<ModelContributors>());
            options.AddInterceptors(sp.GetRequiredService<TrackingInterceptor>());
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>()); // modules' own
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()); // any other kind
            return new PooledDbContextFactory<PeyvandDbContext>(options.Options);
        });
        services.AddScoped(sp => sp.GetRequiredService<PooledDbContextFactory<PeyvandDbContext>>().CreateDbContext()
            .LeaseFor(sp.GetRequiredService<Tenancy.CurrentUser>()));
        // Blazor components take one short-lived context per operation; scoped so each circuit keeps its own user.
        services.AddScoped<IDbContextFactory<PeyvandDbContext>, ScopedDbContextFactory>();
        services.AddScoped<ReadOnlyDbContextFactory>();
        return services;
    }

    /// <summary>Puts the modules' model contributions into <paramref name="options"/> (the context builds its model from them).</summary>
    internal static void UseModelContributors(DbContextOptionsBuilder options, ModelContributors contributors) =>
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ModelContributorsExtension(contributors));

    /// <summary>Leases pooled contexts for the scope's current user; the caller disposes each (which returns it to the pool).</summary>
    private sealed class ScopedDbContextFactory(PooledDbContextFactory<PeyvandDbContext> pool, Tenancy.CurrentUser user)
        : IDbContextFactory<PeyvandDbContext>
    {
        public PeyvandDbContext CreateDbContext() => pool.CreateDbContext().LeaseFor(user);
    }
}
