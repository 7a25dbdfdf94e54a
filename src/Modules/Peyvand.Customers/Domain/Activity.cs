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

    /// <summary>When to remind the assignee of an open task; the reminder job sends it once and notes <see cref="ReminderSentAt"/>.</summary>
    public DateTime? ReminderAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }

    public CallDirection? Direction { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Outcome { get; set; }

    public DateTime? StartAt { get; set; }
    public DateTime? EndAt { get; set; }
    public string? Location { get; set; }
    public List<Guid> AttendeeUserIds { get; set; } = [];

    /// <summary>Users @mentioned in the body; each is notified once, when first mentioned.</summary>
    public List<Guid> MentionedUserIds { get; set; } = [];

    public List<ActivityLink> Links { get; set; } = [];

    /// <summary>Records who the body mentions now and raises <see cref="UsersMentioned"/> for those not mentioned before.</summary>
    public void SetMentions(IReadOnlyList<Guid> mentioned, Guid? author)
    {
        var added = mentioned.Except(MentionedUserIds).Where(id => id != author).ToList();
        MentionedUserIds = [.. mentioned];
        if (added.Count > 0)
            Raise(new UsersMentioned(Id, added, author));
    }
}

/// <summary>Users were @mentioned in an activity's text (only the newly mentioned ones).</summary>
public sealed record UsersMentioned(Guid ActivityId, IReadOnlyList<Guid> UserIds, Guid? AuthorId) : IDomainEvent;

/// <summary>A task's reminder time came: the assignee gets an email (after the in-app notification is committed).</summary>
public sealed record TaskReminderDue(Guid ActivityId, Guid RecipientId, Guid NotificationId) : IDomainEvent;

/// <summary>Links an activity to a record of any module, by type name ("contact", "company", later "deal", "ticket").</summary>
public sealed class ActivityLink : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid ActivityId { get; set; }
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
}
