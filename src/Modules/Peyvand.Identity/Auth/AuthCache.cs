using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Peyvand.Identity.Domain;

namespace Peyvand.Identity.Auth;

/// <summary>
/// Who an API key is and what a user may do, kept for a few seconds so that a request does not spend four queries on
/// its caller. Any saved change to users, roles, teams, API keys or organisations empties it on this node at once
/// (<see cref="AuthCacheInvalidation"/>); another node sees such a change within <see cref="TimeToLive"/>. Misses (an
/// unknown key, a disabled user) are never cached, so new keys and re-enabled users work immediately everywhere.
/// </summary>
public sealed class AuthCache(TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Kind, Guid A, Guid B, string? Text), Entry> _entries = new();
    private long _generation;

    /// <summary>Read before loading what will be cached: a change saved meanwhile makes the entry stale at once.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet<T>((string Kind, Guid A, Guid B, string? Text) key, out T value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == Generation && entry.Expires > clock.GetUtcNow())
        {
            value = (T)entry.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public void Set((string Kind, Guid A, Guid B, string? Text) key, object value, long generation)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[key] = new Entry(value, generation, clock.GetUtcNow() + TimeToLive);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(object Value, long Generation, DateTimeOffset Expires);
}

/// <summary>
/// Empties the <see cref="AuthCache"/> around every save that touches identity rows: before the save, and after its
/// commit — which, when the save runs inside a transaction (a keyed API request), is the transaction's commit.
/// </summary>
public sealed class AuthCacheInvalidation(AuthCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly ConditionalWeakTable<DbContext, object> _awaitingCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? db)
    {
        if (db is null || !db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is AppUser or Role or Team or ApiKey or Tenant))
            return;
        cache.Invalidate();
        _pending.AddOrUpdate(db, this);
    }

    private void After(DbContext? db)
    {
        if (db is null || !_pending.Remove(db))
            return;
        cache.Invalidate();
        // Until the surrounding transaction commits, another request can still read (and cache) the old rows.
        if (db.Database.CurrentTransaction is not null)
            _awaitingCommit.AddOrUpdate(db, this);
    }

    private void Ended(DbContext? db)
    {
        if (db is not null && _awaitingCommit.Remove(db))
            cache.Invalidate();
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }
}
