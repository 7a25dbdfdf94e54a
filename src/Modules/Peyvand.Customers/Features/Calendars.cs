using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Auth;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Text;

namespace Peyvand.Customers.Features;

public sealed record CalendarFeedLink(string Url);

/// <summary>iCalendar (RFC 5545) for meetings and tasks: one activity as an .ics file, and each user's private feed.</summary>
public sealed class Calendars(
    PeyvandDbContext db, ResourceService<Activity, ActivityWrite, ActivityView> activities, CurrentUserLoader users, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>One meeting (as an event) or task (as a to-do).</summary>
    public async Task<string> ForActivityAsync(Guid id, CancellationToken cancellationToken)
    {
        var activity = (await activities.GetAsync(id, cancellationToken)).View;
        if (activity.Kind is not (ActivityKind.Meeting or ActivityKind.Task))
            throw new ConflictException(CustomerText.CalendarKinds);
        return Serialize([activity]);
    }

    /// <summary>Makes the caller a new private feed link, revoking any earlier one.</summary>
    public async Task<CalendarFeedLink> NewFeedAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var me = db.CurrentUser;
        me.Demand(CustomersModule.Activities, PermissionAction.Read);
        var userId = me.UserId ?? throw new ForbiddenException(CustomerText.OnlyUserCalendar);
        var old = await db.Set<CalendarFeed>().Where(f => f.OwnerId == userId).ToListAsync(cancellationToken);
        db.RemoveRange(old);
        var token = Secrets.New(CalendarFeed.Scheme);
        db.Add(new CalendarFeed { OwnerId = userId, TokenHash = Secrets.Hash(token) });
        await db.SaveChangesAsync(cancellationToken);
        return new CalendarFeedLink($"{baseUrl.TrimEnd('/')}/calendar/{token}.ics");
    }

    /// <summary>The feed behind a link: the owner's meetings (owned or attended) and dated tasks, as they may see them.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > 100)
            return null;
        var hash = Secrets.Hash(token);
        var feed = await db.Set<CalendarFeed>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.TokenHash == hash && f.DeletedAt == null)
            .Select(f => new { f.TenantId, f.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (feed?.OwnerId is not { } userId || !await users.LoadAsync(feed.TenantId, userId, null, cancellationToken))
            return null;

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
        var items = await activities.Definition.Including(db.Set<Activity>()).AsNoTracking()
            .Where(a => (a.Kind == ActivityKind.Meeting && (a.OwnerId == userId || a.AttendeeUserIds.Contains(userId)) && a.StartAt >= since)
                || (a.Kind == ActivityKind.Task && a.OwnerId == userId && a.DueAt != null && a.DueAt >= since))
            .OrderBy(a => a.OccurredAt).Take(2000)
            .ToListAsync(cancellationToken);
        return Serialize(items.Select(activities.Definition.ToView));
    }

    private static string Serialize(IEnumerable<ActivityView> items)
    {
        var calendar = new Calendar { ProductId = "-//Peyvand//CRM//EN" };
        foreach (var a in items)
        {
            if (a.Kind == ActivityKind.Meeting)
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{a.Id}@peyvand",
                    Summary = a.Subject,
                    Description = a.Body,
                    Location = a.Location,
                    DtStart = Utc(a.StartAt!.Value),
                    DtEnd = Utc(a.EndAt!.Value),
                    DtStamp = Utc(a.UpdatedAt),
                });
            }
            else
            {
                calendar.Todos.Add(new Todo
                {
                    Uid = $"{a.Id}@peyvand",
                    Summary = a.Subject,
                    Description = a.Body,
                    Due = a.DueAt is { } due ? Utc(due) : null,
                    Status = a.Done ? "COMPLETED" : "NEEDS-ACTION",
                    DtStamp = Utc(a.UpdatedAt),
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), "UTC", hasTime: true);
}
