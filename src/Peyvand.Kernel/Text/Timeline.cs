using System.Text.Json;

namespace Peyvand.Kernel.Text;

/// <summary>
/// One touchpoint on a record's timeline: an activity, a field change, later an email, a deal move, a ticket…
/// A "change" item lists its <paramref name="Fields"/>.
/// </summary>
public sealed record TimelineItem(
    string Type, DateTime At, string Title, string? Summary, Guid? RecordId, Guid? ActorId, IReadOnlyList<TimelineFieldChange>? Fields = null);

/// <summary>
/// A changed field on a "change" item: its key as the audit names it (<c>lifecycleStage</c>, <c>customFields.tier</c>),
/// its label in the caller's language, and its values before and after as stored (null when there was none).
/// </summary>
public sealed record TimelineFieldChange(string Field, string Label, JsonElement? Before, JsonElement? After);

/// <summary>
/// Labels of one entity's audited fields in the current UI language, for timeline changes. Registered per entity by
/// whoever owns the entity's labels; a field without a label shows its key.
/// </summary>
public interface IAuditFieldLabels
{
    /// <summary>The entity as the audit names it (the CLR type name, "Contact").</summary>
    string EntityType { get; }

    /// <summary>The entity's name for custom fields ("contacts"), or null when it has none.</summary>
    string? CustomFieldEntity { get; }

    string? LabelFor(string field);
}

/// <summary>
/// A module's share of record timelines. Modules register sources; the timeline merges them by time, so a new module
/// adds its events without changing the module that owns the record.
/// </summary>
public interface ITimelineSource
{
    /// <summary>The item types this source gives, for filtering ("note", "task", "change", …).</summary>
    IReadOnlyCollection<string> Types { get; }

    /// <summary>Items about the record, newest first, older than <paramref name="before"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TimelineItem>> ItemsAsync(string entityType, Guid entityId, DateTime? before, int limit, CancellationToken cancellationToken);
}
