using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peyvand.Kernel.Api;

namespace Peyvand.Kernel.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotifications(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", async (bool? unread, int? limit, string? cursor, NotificationInbox inbox, CancellationToken ct) =>
                TypedResults.Ok(await inbox.ListAsync(unread, limit, cursor, ct)))
            .WithName("ListNotifications").WithSummary("The caller's notifications, newest first; unread=true for unread ones only")
            .WithStandardProblems();
        group.MapGet("/unread-count", async (NotificationInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.UnreadCountAsync(ct)))
            .WithName("CountUnreadNotifications").WithSummary("How many of the caller's notifications are unread")
            .WithStandardProblems();
        group.MapGet("/{id:guid}", async (Guid id, NotificationInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.GetAsync(id, ct)))
            .WithName("GetNotification").WithSummary("One of the caller's notifications")
            .WithStandardProblems(byId: true);
        group.MapPost("/{id:guid}/read", async (Guid id, NotificationInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.MarkReadAsync(id, ct)))
            .WithName("MarkNotificationRead").WithSummary("Mark one of the caller's notifications read")
            .WithStandardProblems(writes: true, byId: true);
        group.MapPost("/read-all", async (NotificationInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.MarkAllReadAsync(ct)))
            .WithName("MarkAllNotificationsRead").WithSummary("Mark all the caller's notifications read; returns how many were unread")
            .WithStandardProblems(writes: true);
    }
}
