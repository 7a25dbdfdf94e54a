using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Kernel.Auditing;

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, DateTime? NextBefore);

/// <summary>Merges every module's timeline items about one record, newest first. Callers check the record is visible first.</summary>
public sealed class RecordTimeline(IEnumerable<ITimelineSource> sources)
{
    public const int MaxLimit = 200;

    public async Task<TimelinePage> ForAsync(string entityType, Guid entityId, string? types, DateTime? before, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxLimit)
            throw new InvalidInputException("limit", $"Must be between 1 and {MaxLimit}.");
        var wanted = string.IsNullOrWhiteSpace(types) ? null
            : types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = sources.SelectMany(s => s.Types).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted?.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            throw new InvalidInputException("types", $"Unknown type '{unknown}'; use {string.Join(", ", known.Order())}.");

        var items = new List<TimelineItem>();
        foreach (var source in sources.Where(s => wanted is null || s.Types.Any(wanted.Contains)))
        {
            var found = await source.ItemsAsync(entityType, entityId, before?.ToUniversalTime(), take, cancellationToken);
            items.AddRange(wanted is null ? found : found.Where(i => wanted.Contains(i.Type)));
        }
        var page = items.OrderByDescending(i => i.At).Take(take).ToList();
        return new TimelinePage(page, page.Count == take ? page[^1].At : null);
    }
}

/// <summary>Field changes from the audit log, as timeline items of type "change".</summary>
public sealed class AuditTimelineSource(PeyvandDbContext db) : ITimelineSource
{
    public IReadOnlyCollection<string> Types { get; } = ["change"];

    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(string entityType, Guid entityId, DateTime? before, int limit, CancellationToken cancellationToken)
    {
        var clrName = char.ToUpperInvariant(entityType[0]) + entityType[1..];
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == clrName && a.EntityId == entityId && (before == null || a.At < before))
            .OrderByDescending(a => a.At).Take(limit)
            .ToListAsync(cancellationToken);
        return entries.Select(a => new TimelineItem("change", a.At, a.Action, ChangedFields(a.Changes), a.Id, a.UserId)).ToList();
    }

    private static string ChangedFields(string changes)
    {
        using var document = JsonDocument.Parse(changes);
        return string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
