using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Peyvand.E2E.Infrastructure;

namespace Peyvand.E2E;

public sealed class ActivityPagesTests(E2EApp app)
{
    [Fact]
    public async Task A_note_mentioning_a_colleague_in_Persian_lights_their_bell_and_a_task_is_added_and_completed_on_the_360_page()
    {
        var suffix = Journeys.PersianSuffix();
        var colleague = "مریم " + suffix;
        var colleagueEmail = await app.CreateUserAsync(colleague, "fa", roleKey: "sales-manager"); // a manager sees the rep's notes
        var page = await SignedInPageAsync("fa-IR", "سارا");

        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        var lastName = "رضایی" + suffix;
        await page.FillAsync(".pv-last-name input", lastName);
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-composer").WaitForAsync();

        // A note: typing @ and part of the name suggests the colleague; picking keeps their id.
        var note = page.Locator(".pv-mention-input textarea").First;
        await note.FillAsync("لطفاً **پیش‌فاکتور** را بفرستید @مریم");
        await page.Locator(".pv-mention-option").First.WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "mention-suggestions-fa");
        await page.Locator(".pv-mention-option", new() { HasText = colleague }).ClickAsync();
        // The picked name arrives with the circuit's next render, so wait for it rather than read the box at once.
        await Assertions.Expect(note).ToHaveValueAsync(new Regex("@" + Regex.Escape(colleague) + " $"));
        await page.ClickAsync(".pv-save-activity");
        var noteItem = page.Locator(".pv-timeline-item.pv-type-note");
        await noteItem.Locator("strong", new() { HasText = "@" + colleague }).WaitForAsync();
        Assert.Equal("پیش‌فاکتور", await noteItem.Locator("strong").First.InnerTextAsync());

        // A task with a due date, then done from the open-tasks panel.
        await page.Locator(".pv-kinds").GetByText("کار", new() { Exact = true }).ClickAsync();
        await page.FillAsync(".pv-subject input", "تماس پیگیری " + suffix);
        await E2EApp.ScreenshotAsync(page, "activity-task-composer-fa");
        await page.ClickAsync(".pv-save-activity");
        var openTask = page.Locator(".pv-open-task", new() { HasText = "تماس پیگیری " + suffix });
        await openTask.WaitForAsync();
        await page.Locator(".pv-timeline-item.pv-type-task").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "contact-360-fa");
        await openTask.Locator(".pv-task-check input").ClickAsync();
        await openTask.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator(".pv-timeline-item.pv-type-task .pv-done").WaitForAsync();

        // The timeline filters by type.
        await page.ClickAsync(".pv-filter-note");
        await page.Locator(".pv-timeline-item.pv-type-task").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(1, await page.Locator(".pv-timeline-item").CountAsync());

        await page.SetViewportSizeAsync(360, 740);
        await page.ClickAsync(".pv-filter-note"); // all types again
        await page.Locator(".pv-timeline-item.pv-type-task").WaitForAsync();
        Assert.True(await page.FitsWidthAsync(), "The contact's 360° page scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, "contact-360-fa-phone");

        // The colleague sees one unread notification on the bell and opens the contact from it.
        var theirs = await app.NewPageAsync();
        await theirs.SignInAsync(colleagueEmail, E2EApp.Password, "/account/login?culture=fa-IR");
        await theirs.ExpectHomeAsync();
        await theirs.WaitForCircuitAsync();
        await theirs.Locator(".pv-bell .mud-badge", new() { HasText = "۱" }).WaitForAsync();
        await E2EApp.ScreenshotAsync(theirs, "bell-fa");
        await theirs.ClickAsync(".pv-bell-button");
        await theirs.WaitForURLAsync(new Regex("/notifications$"));
        var item = theirs.Locator(".pv-notification.pv-unread", new() { HasText = "سارا" });
        await item.WaitForAsync();
        await E2EApp.ScreenshotAsync(theirs, "notifications-fa");
        await item.Locator(".pv-notification-open").ClickAsync();
        await theirs.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await theirs.Locator(".pv-contact-name", new() { HasText = lastName }).WaitForAsync();
        await theirs.Locator(".pv-bell .mud-badge").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task My_day_lists_due_tasks_marks_them_done_and_makes_a_calendar_link(string culture)
    {
        var page = await SignedInPageAsync(culture, culture == "fa-IR" ? "نگار" : "Negar", 360, 740);
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "Day" + Journeys.PersianSuffix());
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-composer").WaitForAsync();
        await page.Locator(".pv-kinds").GetByText(culture == "fa-IR" ? "کار" : "Task", new() { Exact = true }).ClickAsync();
        var subject = "Due today " + Journeys.PersianSuffix();
        await page.FillAsync(".pv-subject input", subject); // due by default at the next full hour, still today in the user's time zone
        await Assertions.Expect(page.Locator(".pv-date input")).Not.ToHaveValueAsync("");
        await E2EApp.ScreenshotAsync(page, $"task-composer-{culture}-phone");
        await page.ClickAsync(".pv-save-activity");
        await page.Locator(".pv-open-task", new() { HasText = subject }).WaitForAsync();

        await page.GotoAsync("/my-day");
        await page.WaitForCircuitAsync();
        var task = page.Locator(".pv-my-tasks .pv-open-task", new() { HasText = subject });
        await task.WaitForAsync();
        await page.ClickAsync(".pv-new-feed");
        await Assertions.Expect(page.Locator(".pv-feed-url input")).ToHaveValueAsync(new Regex("/calendar/pvc_[^/]+\\.ics$"));
        Assert.True(await page.FitsWidthAsync(), "My day scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, $"my-day-{culture}-phone");
        await task.Locator(".pv-task-check input").ClickAsync();
        await task.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private async Task<IPage> SignedInPageAsync(string culture, string name, int width = 1280, int height = 800)
    {
        var email = await app.CreateUserAsync(name, culture[..2]);
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        return page;
    }
}
