using Deque.AxeCore.Playwright;
using Peyvand.E2E.Infrastructure;

namespace Peyvand.E2E;

public sealed class AccessibilityTests(E2EApp app)
{
    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task LoginAndHome_HaveNoSeriousOrCriticalAxeViolations(string culture)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/account/login?culture={culture}");
        await AssertAccessibleAsync(page, "login");

        await page.FillAsync("#email", await app.CreateUserAsync("Axe"));
        await page.FillAsync("#password", E2EApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        await AssertAccessibleAsync(page, "home");
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task NewerPages_HaveNoSeriousOrCriticalAxeViolations(string culture)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAdminAsync(app, culture);
        await page.WaitForCircuitAsync();

        // A contact with a task, for its 360° page and My day.
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "Axe " + Guid.NewGuid().ToString("N")[..6]);
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator(".pv-composer").WaitForAsync();
        var contact = new Uri(page.Url).AbsolutePath;
        var problems = new List<string>();

        foreach (var (path, name) in new[]
        {
            (contact, "contact-360"), ("/me/preferences", "preferences"), ("/me/api-keys", "my-api-keys"), ("/my-day", "my-day"),
            ("/admin/custom-fields", "custom-fields"), ("/admin/customer-categories", "customer-categories"),
        })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await E2EApp.ScreenshotAsync(page, $"axe-{name}-{culture}");
            problems.AddRange((await SeriousViolationsAsync(page)).Select(p => $"{name}: {p}"));
        }

        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await page.WaitForCircuitAsync();
        problems.AddRange((await SeriousViolationsAsync(page)).Select(p => $"not-found: {p}"));

        // The first-run page, as the bootstrap administrator sees it.
        var firstRun = await app.NewPageAsync();
        await firstRun.SignInAsync(await app.CreateFirstRunAdminAsync(), E2EApp.Password, $"/account/login?culture={culture}");
        await firstRun.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/first-run$"));
        await E2EApp.ScreenshotAsync(firstRun, $"axe-first-run-{culture}");
        problems.AddRange((await SeriousViolationsAsync(firstRun)).Select(p => $"first-run: {p}"));
        Assert.True(problems.Count == 0, $"{culture}:\n" + string.Join("\n", problems));
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var problems = await SeriousViolationsAsync(page);
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems));
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")];
    }
}
