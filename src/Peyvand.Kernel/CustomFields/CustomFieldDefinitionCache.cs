using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Peyvand.Kernel.Data;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// Each organisation's custom-field definitions per entity, kept for a few seconds so that reading a record or a list
/// does not spend a query on them every time. Any saved change to a definition empties it on this node at once
/// (<see cref="CustomFieldDefinitionInvalidation"/>); another node sees the change within <see cref="TimeToLive"/>.
/// Only reads use it: writes validate against the definitions as stored.
/// </summary>
public sealed class CustomFieldDefinitionCache(TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid TenantId, string EntityType), Entry> _entries = new();
    private long _generation;

    public async Task<List<CustomFieldDefinition>> GetAsync(PeyvandDbContext db, string entityType, CancellationToken cancellationToken)
    {
        if (db.CurrentUser.TenantId is not { } tenantId)
            return await CustomFieldQuery.DefinitionsAsync(db, entityType, cancellationToken);
        var key = (tenantId, entityType);
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Expires > clock.GetUtcNow())
            return entry.Definitions;
        // Loaded after reading the generation: a change saved meanwhile leaves this entry stale at once.
        var definitions = await CustomFieldQuery.DefinitionsAsync(db, entityType, cancellationToken);
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[key] = new Entry(definitions, generation, clock.GetUtcNow() + TimeToLive);
        return definitions;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(List<CustomFieldDefinition> Definitions, long Generation, DateTimeOffset Expires);
}

/// <summary>Empties the <see cref="CustomFieldDefinitionCache"/> around every save of a definition (and after its commit).</summary>
public sealed class CustomFieldDefinitionInvalidation(CustomFieldDefinitionCache cache) : CommitAwareInvalidation
{
    protected override bool Touches(EntityEntry entry) => entry.Entity is CustomFieldDefinition;

    protected override void Invalidate() => cache.Invalidate();
}
