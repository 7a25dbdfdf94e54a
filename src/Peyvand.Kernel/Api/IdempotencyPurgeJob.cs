using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Data;
using Quartz;

namespace Peyvand.Kernel.Api;

/// <summary>
/// Forgets idempotency records older than <see cref="RetentionPeriod"/>: a client retries within minutes, and keeping
/// every response body forever would grow the table without end. A Quartz job, so each firing runs on one node.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IdempotencyPurgeJob(PeyvandDbContext db, TimeProvider clock) : IJob
{
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(24);
    public static readonly JobKey Key = new("idempotency-purge", "kernel");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - RetentionPeriod;
        // Every tenant's records: a system job has no tenant, so the tenant filter is lifted on purpose.
        context.Result = await db.Set<IdempotencyRecord>().IgnoreQueryFilters()
            .Where(r => r.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
