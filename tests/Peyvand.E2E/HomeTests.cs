using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.E2E.Infrastructure;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.E2E;

public sealed class HomeTests(E2EApp app)
{
    // A sales rep reads their own records only, so their numbers do not depend on what other tests made.
    [Theory]
    [InlineData("fa-IR", 360, 740)]
    [InlineData("en-US", 1280, 800)]
    public async Task Home_counts_my_customers_and_tasks_and_each_number_opens_its_list(string culture, int width, int height)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "رویا" : "Roya", culture[..2]);
        var family = (fa ? "خانه" : "Home") + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
            var me = (await db.Set<AppUser>().SingleAsync(u => u.Email == email)).Id;
            var contacts = scope.ServiceProvider.GetRequiredService<ResourceService<Contact, ContactWrite, ContactView>>();
            foreach (var (first, stage) in new[] { ("A", LifecycleStage.Customer), ("B", LifecycleStage.Lead), ("C", LifecycleStage.Lead) })
                await contacts.CreateAsync(new ContactWrite(first, family, LifecycleStage: stage, OwnerId: me), CancellationToken.None);
            var activities = scope.ServiceProvider.GetRequiredService<ResourceService<Activity, ActivityWrite, ActivityView>>();
            var now = DateTime.UtcNow;
            await activities.CreateAsync(new ActivityWrite(ActivityKind.Task, "Late " + family, OwnerId: me, DueAt: now.AddDays(-2)), CancellationToken.None);
            await activities.CreateAsync(new ActivityWrite(ActivityKind.Task, "Soon " + family, OwnerId: me, DueAt: now.AddMinutes(1)), CancellationToken.None);
        }
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();

        string N(int n) => fa ? Peyvand.Kernel.Localization.Digits.ToPersian(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator(".pv-home-tasks .pv-home-number")).ToHaveTextAsync(N(2));
        await Assertions.Expect(page.Locator(".pv-home-tasks .pv-home-overdue")).ToContainTextAsync(N(1));
        await Assertions.Expect(page.Locator(".pv-home-contacts .pv-home-number")).ToHaveTextAsync(N(3));
        await Assertions.Expect(page.Locator(".pv-home-contacts .pv-home-new")).ToContainTextAsync(N(3));
        await Assertions.Expect(page.Locator(".pv-home-mine .pv-home-number")).ToHaveTextAsync(N(3));
        await Assertions.Expect(page.Locator(".pv-stage-lead .pv-stage-count")).ToHaveTextAsync(N(2));
        await Assertions.Expect(page.Locator(".pv-stage-customer .pv-stage-count")).ToHaveTextAsync(N(1));
        await Assertions.Expect(page.Locator(".pv-stage-mql .pv-stage-count")).ToHaveTextAsync(N(0));
        Assert.True(await page.FitsWidthAsync(), "The home page scrolls sideways.");
        await E2EApp.ScreenshotAsync(page, $"home-overview-{culture}-{width}");

        // A stage opens the list filtered by it (the list's address).
        await page.Locator(".pv-stage-lead .pv-stage-name").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contacts\\?lifecycleStage=lead$"));
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pv-filter-lifecycleStage input").First).ToHaveValueAsync(fa ? "سرنخ" : "Lead");

        // "New in the last 7 days" is the list from the first of those days, newest first.
        await page.GoBackAsync();
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-home-contacts .pv-home-new").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contacts\\?createdFrom=\\d{4}-\\d{2}-\\d{2}&sort=-createdAt$"));
        await Assertions.Expect(page.Locator(".pv-contact-link")).ToHaveCountAsync(3);

        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-home-tasks .pv-home-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my-day$"));
        await Assertions.Expect(page.Locator(".pv-my-tasks .pv-open-task")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_new_colleague_with_no_customers_is_offered_the_first_contact()
    {
        var email = await app.CreateUserAsync("Nima", "en");
        var page = await app.NewPageAsync(1280, 800);
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=en-US");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".pv-home-contacts .pv-home-number")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".pv-home-tasks")).ToContainTextAsync("Nothing due today");
        await page.Locator(".pv-home-empty a[href='/contacts/new']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contacts/new$"));
    }
}
