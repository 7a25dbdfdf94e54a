using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Notifications;

namespace Peyvand.Tests.Customers;

/// <summary>@mentions in notes notify the users who may see them; each user reads only their own notifications.</summary>
public abstract class NotificationsTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_mention_notifies_only_users_of_the_tenant_who_may_see_the_note()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var (managerId, manager) = await tenant.UserWithRoleAsync("sales-manager");
        var (repId, rep) = await tenant.UserWithRoleAsync("sales-rep"); // sees only their teams' records: not the admin's note
        var (strangerId, _) = await other.UserWithRoleAsync("sales-manager");
        var contact = await tenant.CreateAsync("contacts", new { lastName = "Karimi" });

        var body = $"@[Manager](user:{managerId}) و @[Rep](user:{repId}) و @[Stranger](user:{strangerId}) لطفاً **پیگیری** کنید";
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/activities", new { kind = "note", body, contactIds = new[] { contact } });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var note = await response.JsonAsync();
        Assert.Equal([managerId, repId], note.GetProperty("mentionedUserIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Contains("<strong>@Manager</strong>", note.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        var mine = await WaitForNotificationsAsync(manager, 1);
        var notification = Assert.Single(mine);
        Assert.Equal("mention", notification.GetProperty("kind").GetString());
        Assert.Equal($"/contacts/{contact}", notification.GetProperty("link").GetString());
        Assert.Contains("پیگیری", notification.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(tenant.AdminUserId, notification.GetProperty("actorId").GetGuid());

        // Editing the note (the same mentions) notifies nobody again; the rep, the author and the stranger never hear of it.
        var id = note.GetProperty("id").GetGuid();
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/activities/{id}", new { body = body + " (ویرایش)" })).ShouldHaveAsync(HttpStatusCode.OK);
        await WaitForOutboxAsync(tenant.Id);
        Assert.Single(await ListAsync(manager));
        Assert.Empty(await ListAsync(rep));
        Assert.Empty(await ListAsync(tenant.Admin));
        Assert.Equal(0, await app.InTenantAsync(other.Id, db => db.Set<Notification>().CountAsync()));
    }

    [Fact]
    public async Task The_notification_api_shows_and_marks_only_the_callers_own()
    {
        var tenant = await app.CreateTenantAsync();
        var (managerId, manager) = await tenant.UserWithRoleAsync("sales-manager");
        var (_, rep) = await tenant.UserWithRoleAsync("sales-rep");
        await tenant.CreateAsync("activities", new { kind = "note", body = $"@[M](user:{managerId}) one" });
        await tenant.CreateAsync("activities", new { kind = "note", body = $"@[M](user:{managerId}) two" });
        var items = await WaitForNotificationsAsync(manager, 2);
        Assert.Equal(2, items.Count);
        Assert.Contains("two", items[0].GetProperty("title").GetString(), StringComparison.Ordinal); // newest first

        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        Assert.Equal(0, (await rep.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        var first = items[0].GetProperty("id").GetGuid();
        await (await rep.PostAsync($"/api/v1/notifications/{first}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Admin.PostAsync($"/api/v1/notifications/{first}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var read = await manager.PostAsync($"/api/v1/notifications/{first}/read", null);
        await read.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, (await read.JsonAsync()).GetProperty("readAt").ValueKind);
        var unread = await manager.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true");
        Assert.Single(unread.GetProperty("items").EnumerateArray());

        var paged = await manager.GetFromJsonAsync<JsonElement>("/api/v1/notifications?limit=1");
        var rest = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/notifications?limit=1&cursor={paged.GetProperty("nextCursor").GetString()}");
        Assert.Equal(items[1].GetProperty("id").GetGuid(), Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var all = await manager.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(1, (await all.JsonAsync()).GetProperty("count").GetInt32());
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> WaitForNotificationsAsync(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = await ListAsync(client);
            if (items.Count >= count || DateTime.UtcNow > deadline)
                return items;
            await Task.Delay(200);
        }
    }

    private async Task WaitForOutboxAsync(Guid tenantId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.InTenantAsync(tenantId, db => db.OutboxMessages.AnyAsync(m => m.TenantId == tenantId && m.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the outbox worker.");
            await Task.Delay(100);
        }
    }
}

public sealed class NotificationsTestsSqlite(SqliteApp app) : NotificationsTests(app);

public sealed class NotificationsTestsPostgres(PostgresApp app) : NotificationsTests(app);

/// <summary>
/// Task reminders come at their time, once, by email and in-app; a clock the test moves stands in for waiting an hour,
/// and a restart in between changes nothing.
/// </summary>
public abstract class TaskReminderTests(PeyvandAppFactory app)
{
    private static readonly Dictionary<string, string?> FastJobs = new() { ["Peyvand:Jobs:ReminderInterval"] = "00:00:00.300" };

    [Fact]
    public async Task A_reminder_fires_once_at_its_time_even_across_a_restart_and_a_changed_or_finished_task_stays_quiet()
    {
        app.RequireDatabase();
        var clock = new MovableClock();
        var first = new PeyvandAppFactory(app.Provider, FastJobs, s => s.AddSingleton<TimeProvider>(clock));
        await first.InitializeAsync();
        var tenant = await first.CreateTenantAsync();
        var email = $"assignee-{Guid.NewGuid():N}@example.com";
        var assigneeId = await tenant.CreateAsync("users", new
        {
            email, displayName = "Assignee", language = "en", password = PeyvandAppFactory.AdminPassword,
            roleIds = new[] { await tenant.RoleIdAsync("sales-rep") },
        });
        var now = clock.GetUtcNow().UtcDateTime;
        var remindAt = now.AddHours(1);
        var contact = await tenant.CreateAsync("contacts", new { lastName = "Rahimi" });
        var task = await tenant.CreateAsync("activities", new
        {
            kind = "task", subject = "Send the quote", ownerId = assigneeId, dueAt = now.AddHours(2), reminderAt = remindAt, contactIds = new[] { contact },
        });
        var finished = await tenant.CreateAsync("activities", new { kind = "task", subject = "Finished first", ownerId = assigneeId, reminderAt = remindAt });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/activities/{finished}", new { done = true })).ShouldHaveAsync(HttpStatusCode.OK);
        var cleared = await tenant.CreateAsync("activities", new { kind = "task", subject = "Cleared", ownerId = assigneeId, reminderAt = remindAt });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/activities/{cleared}", new { reminderAt = (DateTime?)null })).ShouldHaveAsync(HttpStatusCode.OK);
        var moved = await tenant.CreateAsync("activities", new { kind = "task", subject = "Moved later", ownerId = assigneeId, reminderAt = remindAt });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/activities/{moved}", new { reminderAt = now.AddDays(1) })).ShouldHaveAsync(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(1)); // several job runs: nothing is due yet
        Assert.Equal(0, await RemindersAsync(first, tenant.Id));

        var restarted = first.SharingDatabase(s => s.AddSingleton<TimeProvider>(clock));
        await first.DisposeAsync();
        clock.Offset = TimeSpan.FromHours(1.5); // the app was down when the reminder came due
        await restarted.InitializeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await RemindersAsync(restarted, tenant.Id) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // more runs: still once

        var sent = await restarted.InTenantAsync(tenant.Id, db => db.Set<Notification>().Where(n => n.Kind == "task-reminder").ToListAsync());
        var reminder = Assert.Single(sent);
        Assert.Equal(assigneeId, reminder.RecipientId);
        Assert.Equal("Send the quote", reminder.Title);
        Assert.Equal($"/contacts/{contact}", reminder.Link);

        if (Mailbox.Folder is not null)
        {
            var mail = Assert.Single(await Mailbox.WaitForAsync(email));
            Assert.Equal("Task reminder: Send the quote", mail.Subject);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Single(Mailbox.MessagesTo(email));
        }
        var view = await restarted.InTenantAsync(tenant.Id, db => db.Set<Peyvand.Customers.Domain.Activity>().SingleAsync(a => a.Id == task));
        Assert.Equal(1, view.Version); // sending a reminder is not an edit: the user's ETag stays good
        await restarted.DisposeAsync();
    }

    private static Task<int> RemindersAsync(PeyvandAppFactory factory, Guid tenantId) =>
        factory.InTenantAsync(tenantId, db => db.Set<Notification>().CountAsync(n => n.Kind == "task-reminder"));

    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}

public sealed class TaskReminderTestsSqlite(SqliteApp app) : TaskReminderTests(app);

public sealed class TaskReminderTestsPostgres(PostgresApp app) : TaskReminderTests(app);
