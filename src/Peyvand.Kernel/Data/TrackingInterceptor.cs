using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Outbox;

namespace Peyvand.Kernel.Data;

/// <summary>
/// Runs on every save, once for the whole application: stamps the tenant and the created/updated fields,
/// bumps the concurrency version, turns deletes into soft deletes, writes field-level audit entries and
/// moves raised domain events into the outbox — all inside the same transaction as the change.
/// </summary>
public sealed class TrackingInterceptor(TimeProvider clock, DomainEventTypes eventTypes) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PeyvandDbContext db)
            Track(db);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PeyvandDbContext db)
            Track(db);
        return base.SavingChanges(eventData, result);
    }

    private void Track(PeyvandDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = db.CurrentUser;
        var audits = new List<AuditEntry>();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ITenantOwned and not ITracked && entry.State == EntityState.Added)
                StampTenant(entry, user.RequireTenant());

            if (entry.Entity is IAuditedLink link && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                audits.AddRange(LinkAudits(entry, link, now, user.UserId, user.ApiKeyId, user.RequireTenant()));

            if (entry.Entity is ITenantRoot root && entry.State == EntityState.Modified)
                audits.Add(Audit(entry, root.Id, root.Id, AuditActions.Update, now, user.UserId, user.ApiKeyId));

            if (entry.Entity is not ITracked tracked)
                continue;

            string? action = null;
            switch (entry.State)
            {
                case EntityState.Added:
                    StampTenant(entry, user.RequireTenant());
                    entry.Property(nameof(ITracked.CreatedAt)).CurrentValue = now;
                    entry.Property(nameof(ITracked.CreatedBy)).CurrentValue = user.UserId;
                    entry.Property(nameof(ITracked.UpdatedAt)).CurrentValue = now;
                    entry.Property(nameof(ITracked.UpdatedBy)).CurrentValue = user.UserId;
                    entry.Property(nameof(ITracked.Version)).CurrentValue = 1;
                    action = AuditActions.Create;
                    break;

                case EntityState.Deleted:
                    // Unchanged first: going straight to Modified would mark every column changed (TenantId included).
                    entry.State = EntityState.Unchanged;
                    entry.Property(nameof(ITracked.DeletedAt)).CurrentValue = now;
                    goto case EntityState.Modified;

                case EntityState.Modified:
                    GuardTenant(entry, user.RequireTenant());
                    action = DeletionChange(entry) ?? AuditActions.Update;
                    if (!entry.Properties.Any(p => p.IsModified && !p.Metadata.IsNotAudited()) && action == AuditActions.Update)
                    {
                        action = null; // only unaudited fields (stamps, hashes) changed: still saved, not logged
                    }
                    entry.Property(nameof(ITracked.UpdatedAt)).CurrentValue = now;
                    entry.Property(nameof(ITracked.UpdatedBy)).CurrentValue = user.UserId;
                    entry.Property(nameof(ITracked.Version)).CurrentValue = tracked.Version + 1;
                    break;
            }

            if (action is not null)
                audits.Add(Audit(entry, tracked.TenantId, tracked.Id, action, now, user.UserId, user.ApiKeyId));

            if (entry.Entity is IHasDomainEvents { DomainEvents.Count: > 0 } source)
            {
                foreach (var domainEvent in source.DomainEvents)
                {
                    db.OutboxMessages.Add(new OutboxMessage
                    {
                        TenantId = tracked.TenantId == Guid.Empty ? user.RequireTenant() : tracked.TenantId,
                        Type = eventTypes.NameOf(domainEvent.GetType()),
                        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), PeyvandJson.Options),
                        OccurredAt = now,
                    });
                }
                source.ClearDomainEvents();
            }
        }

        db.AuditEntries.AddRange(audits);
    }

    private static void StampTenant(EntityEntry entry, Guid tenantId)
    {
        var property = entry.Property(nameof(ITenantOwned.TenantId));
        if (property.CurrentValue is Guid existing && existing != Guid.Empty && existing != tenantId)
            throw new InvalidOperationException("A row cannot be created for another tenant.");
        property.CurrentValue = tenantId;
    }

    private static void GuardTenant(EntityEntry entry, Guid tenantId)
    {
        var property = entry.Property(nameof(ITenantOwned.TenantId));
        if (property.IsModified || (Guid)property.OriginalValue! != tenantId)
            throw new InvalidOperationException("A row of another tenant cannot be changed.");
    }

    private static string? DeletionChange(EntityEntry entry)
    {
        var deletedAt = entry.Property(nameof(ITracked.DeletedAt));
        if (!deletedAt.IsModified)
            return null;
        return (deletedAt.OriginalValue, deletedAt.CurrentValue) switch
        {
            (null, not null) => AuditActions.Delete,
            (not null, null) => AuditActions.Restore,
            _ => null,
        };
    }

    private static AuditEntry Audit(EntityEntry entry, Guid tenantId, Guid entityId, string action, DateTime now, Guid? userId, Guid? apiKeyId)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (meta.IsNotAudited() || meta.IsPrimaryKey() || meta.IsShadowProperty() || IsStamp(meta.Name) || meta.IsConcurrencyToken)
                continue;
            if (action == AuditActions.Create)
            {
                if (property.CurrentValue is not null)
                    changes[JsonNamingPolicy.CamelCase.ConvertName(meta.Name)] = new { before = (object?)null, after = property.CurrentValue };
            }
            else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                changes[JsonNamingPolicy.CamelCase.ConvertName(meta.Name)] = new { before = property.OriginalValue, after = property.CurrentValue };
            }
        }

        return new AuditEntry
        {
            TenantId = tenantId,
            At = now,
            UserId = userId,
            ApiKeyId = apiKeyId,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = entityId,
            Action = action,
            Changes = JsonSerializer.Serialize(changes, PeyvandJson.Options),
        };
    }

    // The link as it was and as it is (null when added or removed); no entry when only unaudited columns changed.
    private static IEnumerable<AuditEntry> LinkAudits(EntityEntry entry, IAuditedLink link, DateTime now, Guid? userId, Guid? apiKeyId, Guid tenantId)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsNotAudited() && !p.Metadata.IsShadowProperty() && p.Metadata.Name != nameof(ITenantOwned.TenantId)).ToList();
        if (entry.State == EntityState.Modified && !properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            yield break;
        Dictionary<string, object?> Values(bool original) =>
            properties.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), p => original ? p.OriginalValue : p.CurrentValue);
        var before = entry.State == EntityState.Added ? null : Values(original: true);
        var after = entry.State == EntityState.Deleted ? null : Values(original: false);
        foreach (var (entityType, entityId, field) in link.AuditedOn)
        {
            yield return new AuditEntry
            {
                TenantId = tenantId,
                At = now,
                UserId = userId,
                ApiKeyId = apiKeyId,
                EntityType = entityType,
                EntityId = entityId,
                Action = AuditActions.Update,
                Changes = JsonSerializer.Serialize(new Dictionary<string, object?> { [field] = new { before, after } }, PeyvandJson.Options),
            };
        }
    }

    private static bool IsStamp(string name) => name is nameof(ITracked.TenantId) or nameof(ITracked.CreatedAt)
        or nameof(ITracked.CreatedBy) or nameof(ITracked.UpdatedAt) or nameof(ITracked.UpdatedBy)
        or nameof(ITracked.Version) or nameof(ITracked.DeletedAt);
}
