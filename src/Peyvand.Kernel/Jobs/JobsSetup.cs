using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Outbox;
using Quartz;

namespace Peyvand.Kernel.Jobs;

/// <summary>
/// Durable background work on Quartz.NET's database job store: jobs and triggers survive restarts, and on PostgreSQL
/// the nodes form a cluster so each firing runs on exactly one node. SQLite is a single-node store (Quartz refuses
/// to cluster it).
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddPeyvandJobs(this IServiceCollection services, DatabaseSettings database, TimeSpan outboxInterval,
        TimeSpan? idempotencyPurgeInterval = null)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Peyvand";
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });

            var outbox = new JobKey("outbox-dispatch", "kernel");
            q.AddJob(typeof(OutboxDispatchJob), j => j.WithIdentity(outbox).StoreDurably(true));
            q.AddTrigger(t => t.ForJob(outbox).WithIdentity("outbox-dispatch", "kernel")
                .WithSimpleSchedule(s => s.WithInterval(outboxInterval).RepeatForever()));

            q.AddJob(typeof(IdempotencyPurgeJob), j => j.WithIdentity(IdempotencyPurgeJob.Key).StoreDurably(true));
            q.AddTrigger(t => t.ForJob(IdempotencyPurgeJob.Key).WithIdentity("idempotency-purge", "kernel")
                .WithSimpleSchedule(s => s.WithInterval(idempotencyPurgeInterval ?? TimeSpan.FromHours(1)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A module's job that runs every <paramref name="interval"/> (e.g. one that sends what has come due).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : IJob
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob(typeof(TJob), j => j.WithIdentity(key).StoreDurably(true));
            q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name, key.Group)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        return services;
    }
}

/// <summary>Drains the outbox; never runs twice at once, even across nodes.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A stopping node abandons its current message (its transaction rolls back) so a restart or another node redoes it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        while (await dispatcher.DispatchPendingAsync(stopping.Token) == OutboxDispatcher.BatchSize)
        {
            // A full batch means more may be waiting: keep going rather than wait for the next firing.
        }
    }
}
