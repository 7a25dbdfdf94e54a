namespace Peyvand.Kernel.Text;

/// <summary>One touchpoint on a record's timeline: an activity, a field change, later an email, a deal move, a ticket…</summary>
public sealed record TimelineItem(string Type, DateTime At, string Title, string? Summary, Guid? RecordId, Guid? ActorId);

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
