using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Peyvand.Kernel.Data;
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

/// <summary>Empties the <see cref="AuthCache"/> around every save that touches identity rows (before, and after the commit).</summary>
public sealed class AuthCacheInvalidation(AuthCache cache) : CommitAwareInvalidation
{
    protected override bool Touches(EntityEntry entry) => entry.Entity is AppUser or Role or Team or ApiKey or Tenant;

    protected override void Invalidate() => cache.Invalidate();
}
