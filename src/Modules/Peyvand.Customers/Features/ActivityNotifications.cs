using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Mail;
using Peyvand.Kernel.Notifications;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;
using Peyvand.Kernel.Text;
using Quartz;

namespace Peyvand.Customers.Features;

public static class ActivityNotificationKinds
{
    public const string Mention = "mention";
    public const string TaskReminder = "task-reminder";

    /// <summary>The record page an activity belongs on: its first contact, else its first company.</summary>
    public static string? LinkFor(Activity activity) =>
        activity.Links.FirstOrDefault(l => l.EntityType == ActivityResource.ContactLink) is { } contact ? $"/contacts/{contact.EntityId}"
        : activity.Links.FirstOrDefault(l => l.EntityType == ActivityResource.CompanyLink) is { } company ? $"/companies/{company.EntityId}"
        : null;

    public static string Excerpt(Activity activity, int length = 120)
    {
        // Titles are plain text: mentions as "@Name", Markdown's emphasis and heading marks dropped.
        var text = activity.Subject.Length > 0 ? activity.Subject
            : Mentions.ToPlain(activity.Body).ReplaceLineEndings(" ").Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).TrimStart('#', ' ', '>');
        return text.Length <= length ? text : text[..length] + "…";
    }
}

/// <summary>
/// Notifies users newly @mentioned in an activity, if they may see it (their own read level reaches its owner). Runs from
/// the outbox after the activity is committed, in the dispatcher's transaction: each mention notifies exactly once.
/// </summary>
public sealed class NotifyMentionedUsers(PeyvandDbContext db, Notifier notifier, IServiceScopeFactory scopes) : IDomainEventHandler<UsersMentioned>
{
    public async Task HandleAsync(UsersMentioned mentioned, OutboxContext context, CancellationToken cancellationToken)
    {
        var activity = await db.Set<Activity>().Include(a => a.Links).AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == mentioned.ActivityId, cancellationToken);
        if (activity is null)
            return; // deleted since
        var author = mentioned.AuthorId is { } authorId
            ? await db.Set<AppUser>().Where(u => u.Id == authorId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var title = author is null ? ActivityNotificationKinds.Excerpt(activity) : $"{author}: {ActivityNotificationKinds.Excerpt(activity)}";
        foreach (var userId in mentioned.UserIds.Distinct())
        {
            if (await MaySeeAsync(context.TenantId, userId, activity.OwnerId, cancellationToken))
                notifier.Add(userId, ActivityNotificationKinds.Mention, title, ActivityNotificationKinds.LinkFor(activity), mentioned.AuthorId);
        }
    }

    // The mentioned user's own permissions, loaded as for their own request (a disabled or removed user has none).
    private async Task<bool> MaySeeAsync(Guid tenantId, Guid userId, Guid? ownerId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(tenantId, userId, null, cancellationToken))
            return false;
        var them = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        return them.Reaches(them.LevelFor(CustomersModule.Activities, PermissionAction.Read), ownerId);
    }
}

/// <summary>
/// Sends due task reminders: an in-app notification to the assignee, and an email through the outbox. State lives on
/// the task (<see cref="Activity.ReminderAt"/>, <see cref="Activity.ReminderSentAt"/>), so a reminder survives restarts
/// (one missed while the app was down goes out when it is back), is sent once even with several nodes (claimed by a
/// conditional update), and changing, clearing or completing the task is all it takes to cancel it.
/// </summary>
public sealed class TaskReminders(IServiceScopeFactory scopes, DomainEventTypes eventTypes, TimeProvider clock, ILogger<TaskReminders> logger)
{
    public const int BatchSize = 100;

    /// <summary>Sends what is due now; returns how many reminders went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid Id, Guid TenantId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            due = (await db.Set<Activity>().IgnoreQueryFilters().AsNoTracking()
                    .Where(a => a.ReminderAt != null && a.ReminderAt <= now && a.ReminderSentAt == null && a.DeletedAt == null
                        && a.Kind == ActivityKind.Task && a.CompletedAt == null && a.OwnerId != null)
                    .OrderBy(a => a.ReminderAt).Take(BatchSize)
                    .Select(a => new { a.Id, a.TenantId })
                    .ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.TenantId)).ToList();
        }
        var sent = 0;
        foreach (var (id, tenantId) in due)
        {
            try
            {
                if (await SendOneAsync(id, tenantId, now, cancellationToken))
                    sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Task reminder {ActivityId} failed; the next run tries again", id);
            }
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(Guid id, Guid tenantId, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: whoever marks it sent first sends it. A plain update, not a user's edit: no new version, no audit entry.
        var claimed = await db.Set<Activity>()
            .Where(a => a.Id == id && a.ReminderSentAt == null && a.ReminderAt <= now && a.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentAt, now), cancellationToken);
        if (claimed == 0)
            return false;
        var activity = await db.Set<Activity>().Include(a => a.Links).AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var notification = scope.ServiceProvider.GetRequiredService<Notifier>().Add(
            activity.OwnerId!.Value, ActivityNotificationKinds.TaskReminder, ActivityNotificationKinds.Excerpt(activity),
            ActivityNotificationKinds.LinkFor(activity) ?? "/my-day");
        var due = new TaskReminderDue(activity.Id, activity.OwnerId.Value, notification.Id);
        db.OutboxMessages.Add(new OutboxMessage
        {
            TenantId = tenantId,
            Type = eventTypes.NameOf(typeof(TaskReminderDue)),
            Payload = JsonSerializer.Serialize(due, PeyvandJson.Options),
            OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>The durable Quartz job that runs <see cref="TaskReminders"/>; one run at a time across nodes.</summary>
[DisallowConcurrentExecution]
public sealed class TaskReminderJob(TaskReminders reminders, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("task-reminders", "customers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        while (await reminders.SendDueAsync(stopping.Token) == TaskReminders.BatchSize)
        {
            // A full batch: more may be due.
        }
    }
}

/// <summary>Emails a due reminder to the assignee, in their language and time zone. Retried by the outbox if the mail server fails.</summary>
public sealed class EmailTaskReminder(PeyvandDbContext db, IEmailSender email, IOptions<PublicUrlOptions> urls) : IDomainEventHandler<TaskReminderDue>
{
    public async Task HandleAsync(TaskReminderDue due, OutboxContext context, CancellationToken cancellationToken)
    {
        if (!email.IsConfigured)
            return; // the in-app notification is all there is
        var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Id == due.RecipientId, cancellationToken);
        var activity = await db.Set<Activity>().Include(a => a.Links).AsNoTracking().SingleOrDefaultAsync(a => a.Id == due.ActivityId, cancellationToken);
        if (user?.Email is null || user.IsDisabled || activity is null)
            return;
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == context.TenantId, cancellationToken);
        var fa = (user.Language ?? tenant.DefaultLanguage) == "fa";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone ?? tenant.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var when = activity.DueAt is { } dueAt ? When(dueAt, zone, fa, DateFormatter.CalendarFor(fa ? "fa" : "en", user.Calendar, tenant.DefaultCalendar)) : null;
        var link = urls.Value.PublicUrl is { Length: > 0 } baseUrl
            ? baseUrl.TrimEnd('/') + (ActivityNotificationKinds.LinkFor(activity) ?? "/my-day") : null;
        var message = fa
            ? new EmailMessage(user.Email, $"یادآوری کار: {activity.Subject}",
                $"سلام {user.DisplayName}،\n\nیادآوری کار «{activity.Subject}»" + (when is null ? "" : $" با موعد {when}") + ".\n"
                + (link is null ? "" : $"\n{link}\n"))
            : new EmailMessage(user.Email, $"Task reminder: {activity.Subject}",
                $"Hello {user.DisplayName},\n\nThis is a reminder of the task \"{activity.Subject}\"" + (when is null ? "" : $", due {when}") + ".\n"
                + (link is null ? "" : $"\n{link}\n"));
        await email.SendAsync(message, cancellationToken);
    }

    private static string When(DateTime utc, TimeZoneInfo zone, bool fa, CalendarKind calendar)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var text = DateFormatter.ShortDate(DateOnly.FromDateTime(local), fa ? "fa" : "en", calendar)
            + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return fa ? Digits.ToPersian(text) : text;
    }
}
