using System.Text.Json.Serialization;
using Peyvand.Kernel.Domain;

namespace Peyvand.Customers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    Note,
    Task,
    Call,
    Meeting,
}

[JsonConverter(typeof(JsonStringEnumConverter<TaskPriority>))]
public enum TaskPriority
{
    Low,
    Normal,
    High,
}

[JsonConverter(typeof(JsonStringEnumConverter<CallDirection>))]
public enum CallDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// A touchpoint: a note, a task, a call or a meeting, linked to the records it concerns (contacts and companies now,
/// deals and tickets later, through <see cref="ActivityLink"/>). The owner is the author, or the assignee of a task.
/// </summary>
public sealed class Activity : TenantEntity, IOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public ActivityKind Kind { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Markdown as written; shown as sanitised HTML.</summary>
    public string? Body { get; set; }

    /// <summary>When it happened or is due: the timeline orders by this.</summary>
    public DateTime OccurredAt { get; set; }
    public Guid? OwnerId { get; set; }

    public DateTime? DueAt { get; set; }
    public TaskPriority? Priority { get; set; }
    public DateTime? CompletedAt { get; set; }

    public CallDirection? Direction { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Outcome { get; set; }

    public DateTime? StartAt { get; set; }
    public DateTime? EndAt { get; set; }
    public string? Location { get; set; }
    public List<Guid> AttendeeUserIds { get; set; } = [];

    public List<ActivityLink> Links { get; set; } = [];
}

/// <summary>Links an activity to a record of any module, by type name ("contact", "company", later "deal", "ticket").</summary>
public sealed class ActivityLink : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid ActivityId { get; set; }
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
}
