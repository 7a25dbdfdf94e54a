using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Outbox;

/// <summary>
/// Hands committed outbox messages to their handlers. Each message is handled in its own transaction
/// together with its "processed" mark, so a crash before commit leaves it pending and a crash after
/// commit cannot repeat it: database effects happen exactly once. Failures retry with exponential back-off.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, DomainEventTypes eventTypes, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;
    public const int MaxAttempts = 10;

    /// <summary>Dispatches pending messages; returns how many were handled successfully.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            pending = await db.OutboxMessages
                .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var id in pending)
        {
            if (await DispatchOneAsync(id, cancellationToken))
                handled++;
        }
        return handled;
    }

    private async Task<bool> DispatchOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the row: another node that claimed it first makes this one skip it.
        var message = await ClaimAsync(db, id, cancellationToken);
        if (message is null)
            return false;

        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(message.TenantId);
        try
        {
            await InvokeHandlersAsync(scope.ServiceProvider, message, cancellationToken);
            message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed", message.Id, message.Type);
            await transaction.RollbackAsync(cancellationToken);
            await RecordFailureAsync(id, ex, cancellationToken);
            return false;
        }
    }

    private static async Task<OutboxMessage?> ClaimAsync(PeyvandDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            return await db.OutboxMessages
                .FromSql($"SELECT * FROM outbox_messages WHERE id = {id} AND processed_at IS NULL FOR UPDATE SKIP LOCKED")
                .SingleOrDefaultAsync(cancellationToken);
        }
        // SQLite has one writer at a time; taking the write lock first serialises competing dispatchers.
        await db.Database.ExecuteSqlAsync($"UPDATE OutboxMessages SET Attempts = Attempts WHERE Id = {id}", cancellationToken);
        return await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ProcessedAt == null, cancellationToken);
    }

    private async Task InvokeHandlersAsync(IServiceProvider services, OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = eventTypes.TypeOf(message.Type)
            ?? throw new InvalidOperationException($"Unknown domain event type '{message.Type}'.");
        var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(message.Payload, type, PeyvandJson.Options)!;
        var context = new OutboxContext(message.Id, message.TenantId, message.OccurredAt);
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
        foreach (var handler in services.GetServices(handlerType))
        {
            var task = (Task)handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!
                .Invoke(handler, [domainEvent, context, cancellationToken])!;
            await task;
        }
    }

    private async Task RecordFailureAsync(Guid id, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        message.Attempts++;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Pow(2, Math.Min(message.Attempts, 12)));
        message.LastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        await db.SaveChangesAsync(cancellationToken);
    }
}
