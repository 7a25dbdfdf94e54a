using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;

namespace Peyvand.Kernel.Notifications;

public sealed record NotificationView(Guid Id, string Kind, string Title, string? Link, Guid? ActorId, DateTime CreatedAt, DateTime? ReadAt);

public sealed record UnreadCount(int Count);

/// <summary>
/// How any module tells a user something in-app. <see cref="Add"/> joins the caller's unit of work (an outbox handler
/// or a job's transaction), so the notification exists exactly when the change that caused it does.
/// </summary>
public sealed class Notifier(PeyvandDbContext db, TimeProvider clock)
{
    public Notification Add(Guid recipientId, string kind, string title, string? link = null, Guid? actorId = null)
    {
        var notification = new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            Title = title.Length > Notification.MaxTitleLength ? title[..(Notification.MaxTitleLength - 1)] + "…" : title,
            Link = link,
            ActorId = actorId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notification);
        return notification;
    }
}

/// <summary>The caller's own notifications: nobody, administrators included, reads another user's.</summary>
public sealed class NotificationInbox(PeyvandDbContext db, TimeProvider clock)
{
    private Guid Me => db.CurrentUser.UserId ?? throw new ForbiddenException(ApiText.OnlyUserNotifications);

    private IQueryable<Notification> Mine => db.Set<Notification>().Where(n => n.RecipientId == Me);

    /// <summary>Newest first; the cursor is the last id seen (ids are time-ordered).</summary>
    public async Task<Page<NotificationView>> ListAsync(bool? unread, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > ListQuery.MaxLimit)
            throw new InvalidInputException("limit", ApiText.LimitBetween(ListQuery.MaxLimit));
        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
            after = Guid.TryParse(cursor, out var id) ? id : throw new InvalidInputException("cursor", ApiText.NotACursor);
        var query = Mine.AsNoTracking();
        if (unread is true)
            query = query.Where(n => n.ReadAt == null);
        if (after is { } last)
            query = query.Where(n => n.Id.CompareTo(last) < 0);
        var items = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = items.Take(take).Select(ToView).ToList();
        return new Page<NotificationView>(page, items.Count > take ? page[^1].Id.ToString() : null);
    }

    public async Task<NotificationView> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ToView(await Mine.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException("notifications", id));

    public async Task<UnreadCount> UnreadCountAsync(CancellationToken cancellationToken) =>
        new(await Mine.CountAsync(n => n.ReadAt == null, cancellationToken));

    public async Task<NotificationView> MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await Mine.SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("notifications", id);
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToView(notification);
    }

    public async Task<UnreadCount> MarkAllReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new(await Mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken));
    }

    private static NotificationView ToView(Notification n) => new(n.Id, n.Kind, n.Title, n.Link, n.ActorId, n.CreatedAt, n.ReadAt);
}
