using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;

namespace Peyvand.Identity.Features;

public sealed record AuditQuery(
    [property: MaxLength(100)] string? EntityType,
    Guid? EntityId,
    Guid? UserId,
    DateTime? From,
    DateTime? To,
    int? Limit,
    [property: MaxLength(500)] string? Cursor);

public sealed record AuditEntryView(
    Guid Id, DateTime At, Guid? UserId, Guid? ApiKeyId, string EntityType, Guid EntityId, string Action, JsonElement Changes);

/// <summary>Reads the audit log, newest first, filtered by record, user and time.</summary>
public sealed class ReadAudit(PeyvandDbContext db)
{
    private static readonly IReadOnlyList<SortField<AuditEntry>> Sorts = [SortField.By<AuditEntry, DateTime>("at", a => a.At)];

    public async Task<Page<AuditEntryView>> HandleAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand("audit", PermissionAction.Read, PermissionLevel.All);
        Validation.Ensure(query);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.EntityType))
            entries = entries.Where(a => a.EntityType == query.EntityType);
        if (query.EntityId is { } entityId)
            entries = entries.Where(a => a.EntityId == entityId);
        if (query.UserId is { } userId)
            entries = entries.Where(a => a.UserId == userId);
        if (query.From is { } from)
            entries = entries.Where(a => a.At >= from.ToUniversalTime());
        if (query.To is { } to)
            entries = entries.Where(a => a.At < to.ToUniversalTime());

        var page = await Keyset.PageAsync(entries, new ListQuery(null, query.Limit, query.Cursor, "-at"), Sorts, cancellationToken);
        return new Page<AuditEntryView>(
            page.Items.Select(a => new AuditEntryView(a.Id, a.At, a.UserId, a.ApiKeyId, a.EntityType, a.EntityId, a.Action,
                JsonDocument.Parse(a.Changes).RootElement.Clone())).ToList(),
            page.NextCursor);
    }
}
