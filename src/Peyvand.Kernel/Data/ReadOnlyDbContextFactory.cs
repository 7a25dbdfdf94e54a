using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Data;

/// <summary>
/// Contexts for heavy reads (reports, exports): on the PostgreSQL read replica when
/// <c>ConnectionStrings:PostgresReadReplica</c> is set, otherwise on the primary. Same tenant and visibility filters as
/// any context; no change tracking; saving is refused, and on PostgreSQL the session is read-only as well. A replica
/// lags the primary a little, so never read through this what the user is about to edit.
/// </summary>
public sealed class ReadOnlyDbContextFactory(DatabaseSettings settings, CurrentUser currentUser, ModelContributors contributors)
{
    /// <summary>True when contexts go to a replica rather than the primary.</summary>
    public bool UsesReplica => settings.ReadReplicaConnectionString is not null;

    public PeyvandDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PeyvandDbContext>();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(settings.ReadReplicaConnectionString ?? settings.ConnectionString);
            connection.Options = $"{connection.Options} -c default_transaction_read_only=on".Trim();
            settings.Configure(options, connection.ConnectionString);
        }
        else
        {
            settings.Configure(options);
        }
        DatabaseServiceCollectionExtensions.UseModelContributors(options, contributors);
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(RefuseSaves.Instance);
        return new PeyvandDbContext(options.Options).LeaseFor(currentUser);
    }

    private sealed class RefuseSaves : SaveChangesInterceptor
    {
        public static readonly RefuseSaves Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("A read-only context cannot save changes.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A read-only context cannot save changes.");
    }
}
