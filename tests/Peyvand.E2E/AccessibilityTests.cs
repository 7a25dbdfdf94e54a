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

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
