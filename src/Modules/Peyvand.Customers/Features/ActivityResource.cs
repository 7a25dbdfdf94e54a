using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed record ActivityWrite(
    ActivityKind Kind,
    [property: MaxLength(Activity.MaxSubjectLength)] string? Subject = null,
    [property: MaxLength(Activity.MaxBodyLength)] string? Body = null,
    DateTime? OccurredAt = null,
    Guid? OwnerId = null,
    DateTime? DueAt = null,
    TaskPriority? Priority = null,
    bool Done = false,
    CallDirection? Direction = null,
    [property: Range(0, 86_400)] int? DurationSeconds = null,
    [property: MaxLength(100)] string? Outcome = null,
    DateTime? StartAt = null,
    DateTime? EndAt = null,
    [property: MaxLength(200)] string? Location = null,
    [property: MaxLength(100)] List<Guid>? AttendeeUserIds = null,
    [property: MaxLength(50)] List<Guid>? ContactIds = null,
    [property: MaxLength(50)] List<Guid>? CompanyIds = null,
    DateTime? ReminderAt = null);

public sealed record ActivityView(
    Guid Id, ActivityKind Kind, string Subject, string? Body, string BodyHtml, DateTime OccurredAt, Guid? OwnerId,
    DateTime? DueAt, TaskPriority? Priority, bool Done, DateTime? CompletedAt, CallDirection? Direction, int? DurationSeconds,
    string? Outcome, DateTime? StartAt, DateTime? EndAt, string? Location, IReadOnlyList<Guid> AttendeeUserIds,
    IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> CompanyIds, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? ReminderAt, IReadOnlyList<Guid> MentionedUserIds, Guid? CreatedBy);

public sealed record ActivityFilter(string? Kind, Guid? ContactId, Guid? CompanyId, Guid? OwnerId, bool? Open);

/// <summary>Notes, tasks, calls and meetings, each linked to the contacts and companies it concerns.</summary>
public sealed class ActivityResource(TimeProvider clock) : ResourceDefinition<Activity, ActivityWrite, ActivityView>
{
    public const string ContactLink = "contact";
    public const string CompanyLink = "company";

    public override string Name => CustomersModule.Activities;

    public override IReadOnlyList<SortField<Activity>> Sorts => field ??=
    [
        SortField.By<Activity, DateTime>("occurredAt", a => a.OccurredAt),
        SortField.By<Activity, DateTime>("createdAt", a => a.CreatedAt),
    ];

    private static readonly Expression<Func<Activity, IEnumerable<ActivityLink>>> RecordLinks = a => a.Links;
    private static readonly CompiledRead<Activity> ReadOne = CompiledRead.Including(RecordLinks);

    public override IQueryable<Activity> Including(IQueryable<Activity> query) => query.Include(RecordLinks);

    public override CompiledRead<Activity> ReadById => ReadOne;

    public override IReadOnlyDictionary<string, CountGroup<Activity>> CountGroups => ActivityCountGroups;

    private static readonly Dictionary<string, CountGroup<Activity>> ActivityCountGroups = new()
    {
        ["kind"] = CountGroup.ByEnum<Activity, ActivityKind>(a => a.Kind),
        ["ownerId"] = CountGroup.ById<Activity>(a => a.OwnerId),
    };

    public override IQueryable<Activity> Search(IQueryable<Activity> query, string text) =>
        query.Where(a => a.Subject.Contains(text) || (a.Body != null && a.Body.Contains(text)));

    public static IQueryable<Activity> Filter(IQueryable<Activity> query, ActivityFilter filter)
    {
        if (QueryEnum.Parse<ActivityKind>(filter.Kind, "kind") is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.ContactId is { } contactId)
            query = query.Where(a => a.Links.Any(l => l.EntityType == ContactLink && l.EntityId == contactId));
        if (filter.CompanyId is { } companyId)
            query = query.Where(a => a.Links.Any(l => l.EntityType == CompanyLink && l.EntityId == companyId));
        if (filter.OwnerId is { } ownerId)
            query = query.Where(a => a.OwnerId == ownerId);
        if (filter.Open is { } open)
            query = open ? query.Where(a => a.Kind == ActivityKind.Task && a.CompletedAt == null) : query.Where(a => a.CompletedAt != null);
        return query;
    }

    public override ActivityView ToView(Activity a) => new(
        a.Id, a.Kind, a.Subject, a.Body, Markdown.ToSafeHtml(Mentions.ForRendering(a.Body)), a.OccurredAt, a.OwnerId, a.DueAt, a.Priority,
        a.CompletedAt is not null, a.CompletedAt, a.Direction, a.DurationSeconds, a.Outcome, a.StartAt, a.EndAt, a.Location,
        a.AttendeeUserIds, Linked(a, ContactLink), Linked(a, CompanyLink), a.CreatedAt, a.UpdatedAt,
        a.ReminderAt, a.MentionedUserIds, a.CreatedBy);

    public override ActivityWrite ToWrite(Activity a) => new(
        a.Kind, a.Subject, a.Body, a.OccurredAt, a.OwnerId, a.DueAt, a.Priority, a.CompletedAt is not null, a.Direction,
        a.DurationSeconds, a.Outcome, a.StartAt, a.EndAt, a.Location, [.. a.AttendeeUserIds],
        [.. Linked(a, ContactLink)], [.. Linked(a, CompanyLink)], a.ReminderAt);

    public override async Task UpdateAsync(Activity activity, ActivityWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var isNew = db.Entry(activity).State == EntityState.Detached;
        if (!isNew && write.Kind != activity.Kind)
            Validation.Add(errors, "kind", CustomerText.KeepKind);
        var subject = CustomerRules.Trimmed(write.Subject) ?? "";
        var body = CustomerRules.Trimmed(write.Body);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (write.Kind)
        {
            case ActivityKind.Note when body is null:
                Validation.Add(errors, "body", CustomerText.NoteText);
                break;
            case ActivityKind.Task or ActivityKind.Call or ActivityKind.Meeting when subject.Length == 0:
                Validation.Add(errors, "subject", CustomerText.GiveSubject);
                break;
        }
        if (write.Kind == ActivityKind.Call && write.Direction is null)
            Validation.Add(errors, "direction", CustomerText.Direction);
        if (write.Kind == ActivityKind.Meeting)
        {
            if (write.StartAt is null)
                Validation.Add(errors, "startAt", CustomerText.MeetingStart);
            if (write.EndAt is null)
                Validation.Add(errors, "endAt", CustomerText.MeetingEnd);
            else if (write.StartAt is { } start && write.EndAt <= start)
                Validation.Add(errors, "endAt", CustomerText.MeetingOrder);
        }
        var contactIds = write.ContactIds?.Distinct().ToList() ?? [];
        var companyIds = write.CompanyIds?.Distinct().ToList() ?? [];
        var attendees = write.AttendeeUserIds?.Distinct().ToList() ?? [];
        if (contactIds.Count > 0 && await db.Set<Contact>().CountAsync(c => contactIds.Contains(c.Id), cancellationToken) != contactIds.Count)
            Validation.Add(errors, "contactIds", CustomerText.UnknownContacts);
        if (companyIds.Count > 0 && await db.Set<Company>().CountAsync(c => companyIds.Contains(c.Id), cancellationToken) != companyIds.Count)
            Validation.Add(errors, "companyIds", CustomerText.UnknownCompanies);
        if (attendees.Count > 0 && await db.Set<AppUser>().CountAsync(u => attendees.Contains(u.Id), cancellationToken) != attendees.Count)
            Validation.Add(errors, "attendeeUserIds", CustomerText.UnknownAttendees);
        if (write.ReminderAt is not null && write.Kind != ActivityKind.Task)
            Validation.Add(errors, "reminderAt", CustomerText.OnlyTasksRemind);
        var mentionIds = Mentions.UserIds(body);
        var mentioned = mentionIds.Count == 0 ? []
            : await db.Set<AppUser>().Where(u => mentionIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var owner = await CustomerRules.OwnerAsync(write.OwnerId ?? activity.OwnerId, activity.OwnerId, db, errors, cancellationToken);
        CustomerRules.ThrowIfAny(errors);

        activity.Kind = write.Kind;
        activity.Subject = subject;
        activity.Body = body;
        activity.OwnerId = owner;
        var isTask = write.Kind == ActivityKind.Task;
        activity.DueAt = isTask ? write.DueAt?.ToUniversalTime() : null;
        activity.Priority = isTask ? write.Priority ?? TaskPriority.Normal : null;
        activity.CompletedAt = isTask && write.Done ? activity.CompletedAt ?? now : null;
        var reminderAt = isTask ? write.ReminderAt?.ToUniversalTime() : null;
        if (reminderAt != activity.ReminderAt)
        {
            // A new time is a new reminder: the job sends it even if the old one was sent.
            activity.ReminderAt = reminderAt;
            activity.ReminderSentAt = null;
        }
        activity.SetMentions([.. mentionIds.Where(mentioned.Contains)], db.CurrentUser.UserId);
        activity.Direction = write.Kind == ActivityKind.Call ? write.Direction : null;
        activity.DurationSeconds = write.Kind == ActivityKind.Call ? write.DurationSeconds : null;
        activity.Outcome = write.Kind == ActivityKind.Call ? CustomerRules.Trimmed(write.Outcome) : null;
        var isMeeting = write.Kind == ActivityKind.Meeting;
        activity.StartAt = isMeeting ? write.StartAt?.ToUniversalTime() : null;
        activity.EndAt = isMeeting ? write.EndAt?.ToUniversalTime() : null;
        activity.Location = isMeeting ? CustomerRules.Trimmed(write.Location) : null;
        activity.AttendeeUserIds = isMeeting ? attendees : [];
        activity.OccurredAt = write.Kind switch
        {
            ActivityKind.Meeting => activity.StartAt!.Value,
            ActivityKind.Task => activity.DueAt ?? write.OccurredAt?.ToUniversalTime() ?? (isNew ? now : activity.OccurredAt),
            _ => write.OccurredAt?.ToUniversalTime() ?? (isNew ? now : activity.OccurredAt),
        };
        SetLinks(activity, contactIds.Select(id => (ContactLink, id)).Concat(companyIds.Select(id => (CompanyLink, id))).ToList());
    }

    private static void SetLinks(Activity activity, List<(string Type, Guid Id)> wanted)
    {
        activity.Links.RemoveAll(l => !wanted.Contains((l.EntityType, l.EntityId)));
        foreach (var (type, id) in wanted.Where(w => !activity.Links.Any(l => l.EntityType == w.Type && l.EntityId == w.Id)))
            activity.Links.Add(new ActivityLink { ActivityId = activity.Id, EntityType = type, EntityId = id });
    }

    private static List<Guid> Linked(Activity a, string type) => a.Links.Where(l => l.EntityType == type).Select(l => l.EntityId).ToList();
}

/// <summary>Activities linked to a record, on its timeline.</summary>
public sealed class ActivityTimelineSource(PeyvandDbContext db) : ITimelineSource
{
    public IReadOnlyCollection<string> Types { get; } = ["note", "task", "call", "meeting"];

    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(string entityType, Guid entityId, DateTime? before, int limit, CancellationToken cancellationToken)
    {
        var activities = await db.Set<Activity>().AsNoTracking()
            .Where(a => a.Links.Any(l => l.EntityType == entityType && l.EntityId == entityId) && (before == null || a.OccurredAt < before))
            .OrderByDescending(a => a.OccurredAt).Take(limit)
            .ToListAsync(cancellationToken);
        return activities.Select(a => new TimelineItem(
            a.Kind.ToString().ToLowerInvariant(), a.OccurredAt, a.Subject.Length > 0 ? a.Subject : Excerpt(a.Body), a.Kind == ActivityKind.Note ? null : Excerpt(a.Body), a.Id, a.OwnerId)).ToList();
    }

    private static string Excerpt(string? text)
    {
        var plain = Mentions.ToPlain(text);
        return plain.Length <= 140 ? plain : plain[..140] + "…";
    }
}
