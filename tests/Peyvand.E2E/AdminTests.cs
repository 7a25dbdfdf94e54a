using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Peyvand.E2E.Infrastructure;
using Peyvand.Tests.Infrastructure;

namespace Peyvand.E2E;

public sealed class AdminTests(E2EApp app)
{
    private static readonly string[] AdminPages = ["users", "teams", "roles", "api-keys", "custom-fields", "audit", "settings"];

    [Fact]
    public async Task Admin_InvitesAUser_EditsARole_CreatesAnApiKey_AndSeesItAllInTheAuditLog()
    {
        var page = await SignInAsAdminAsync("en-US");

        // Invite: no password, so the user gets an email to choose one.
        var invitee = $"invited-{Guid.NewGuid():N}@example.com";
        await OpenAsync(page, "users");
        await page.ClickAsync(".pv-invite");
        await page.FillAsync(".pv-invite-email input", invitee);
        await page.FillAsync(".pv-invite-name input", "Invited Person");
        await E2EApp.ScreenshotAsync(page, "admin-invite-en");
        await page.ClickAsync(".pv-send-invite");
        await page.Locator(".pv-users tbody tr", new() { HasTextString = invitee }).WaitForAsync();
        if (E2EApp.MailDir is not null)
        {
            var mail = await Mailbox.FirstToAsync(invitee);
            // In the organisation's default language (fa here): the link is what matters.
            Assert.Contains("Peyvand", mail.Subject);
            Assert.Matches(new Regex(@"/account/reset-password\?"), mail.TextBody ?? "");
        }
        await E2EApp.ScreenshotAsync(page, "admin-users-en");

        // A new role with one cell of the matrix set, saved and read back.
        var roleName = $"Auditors {Guid.NewGuid():N}"[..16];
        await OpenAsync(page, "roles");
        await page.ClickAsync("text=New role");
        await page.FillAsync(".pv-role-name input", roleName);
        await ChooseLevelAsync(page, "contacts", "read", "All");
        await E2EApp.ScreenshotAsync(page, "admin-role-matrix-en");
        await page.ClickAsync(".pv-save-role");
        var row = page.Locator(".pv-roles tbody tr", new() { HasTextString = roleName });
        await row.WaitForAsync();
        await row.Locator(".pv-edit").ClickAsync();
        Assert.Equal("All", await LevelAsync(page, "contacts", "read"));
        Assert.Equal("None", await LevelAsync(page, "contacts", "delete"));
        await page.ClickAsync("text=Cancel");

        // The Administrator role is shown, not editable.
        await page.Locator(".pv-roles tbody tr", new() { HasTextString = "Administrator" }).Locator(".pv-edit").ClickAsync();
        await page.Locator(".pv-role-editor .mud-alert").WaitForAsync();
        Assert.Equal(0, await page.Locator(".pv-save-role").CountAsync());
        await page.ClickAsync("text=Back");

        // An API key is shown once, works, and is gone from the page once dismissed.
        await OpenAsync(page, "api-keys");
        await page.ClickAsync(".pv-new-key");
        await page.FillAsync(".pv-key-name input", "E2E key");
        await page.ClickAsync(".pv-create-key");
        var secret = await page.Locator(".pv-secret input").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await page.GetByText("You will not see it again").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "admin-api-key-once-en");
        using (var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            Assert.True((await http.GetAsync("/api/v1/me")).IsSuccessStatusCode);
        }
        await page.ClickAsync(".pv-secret-done");
        await page.Locator(".pv-keys tbody tr", new() { HasTextString = "E2E key" }).WaitForAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync());

        // The audit log, newest first, has all three.
        await OpenAsync(page, "audit");
        await page.Locator(".pv-audit-entry[data-entity=ApiKey][data-action=create]").First.WaitForAsync();
        await page.Locator(".pv-audit-entry[data-entity=Role][data-action=create]", new() { HasTextString = roleName }).WaitForAsync();
        await page.Locator(".pv-audit-entry[data-entity=AppUser][data-action=create]", new() { HasTextString = invitee }).WaitForAsync();
        Assert.Equal("ApiKey", await page.Locator(".pv-audit-entry").First.GetAttributeAsync("data-entity"));
        await E2EApp.ScreenshotAsync(page, "admin-audit-en");
    }

    [Fact]
    public async Task AdminPages_InPersian_AreRightToLeft_AndFitA360PixelPhone()
    {
        var page = await SignInAsAdminAsync("fa-IR", width: 360, height: 740);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        foreach (var name in AdminPages)
        {
            await OpenAsync(page, name);
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            await E2EApp.ScreenshotAsync(page, $"admin-{name}-fa-phone");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), $"/admin/{name} scrolls sideways at 360 px.");
        }
        await page.SetViewportSizeAsync(1280, 800);
        foreach (var name in AdminPages)
        {
            await OpenAsync(page, name);
            await E2EApp.ScreenshotAsync(page, $"admin-{name}-fa");
        }
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task UsersPage_HasNoSeriousOrCriticalAxeViolations(string culture)
    {
        var page = await SignInAsAdminAsync(culture);
        await OpenAsync(page, "users");
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [InlineData("fa-IR", "نشانی ایمیل معتبر نیست.")]
    [InlineData("en-US", "Not a valid email address.")]
    public async Task InvitingABadEmail_ShowsTheServicesMessage_InTheUiLanguage_UnderTheField(string culture, string message)
    {
        var page = await SignInAsAdminAsync(culture);
        await OpenAsync(page, "users");
        await page.ClickAsync(".pv-invite");
        await page.FillAsync(".pv-invite-email input", "ali@");
        await page.FillAsync(".pv-invite-name input", "Ali");
        await page.ClickAsync(".pv-send-invite");
        await Assertions.Expect(page.Locator(".pv-invite-email .mud-input-helper-text.mud-input-error")).ToHaveTextAsync(message);
        await E2EApp.ScreenshotAsync(page, $"admin-invite-error-{culture[..2]}");
    }

    [Fact]
    public async Task ASalesRep_SeesOnlyTheirApiKeys_InTheAdministrationMenu()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(await app.CreateUserAsync("Rep"), E2EApp.Password, "/account/login?culture=en-US");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-admin-nav a[href='/admin/api-keys']").WaitForAsync();
        Assert.Equal(0, await page.Locator(".pv-admin-nav a[href='/admin/users']").CountAsync());

        await page.GotoAsync("/admin/users");
        await page.WaitForCircuitAsync();
        await page.GetByText("You do not have permission for this.").First.WaitForAsync();
    }

    private async Task<IPage> SignInAsAdminAsync(string culture, int width = 1280, int height = 800)
    {
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsAdminAsync(app, culture);
        return page;
    }

    private static async Task OpenAsync(IPage page, string name)
    {
        await page.GotoAsync($"/admin/{name}");
        await page.WaitForCircuitAsync();
        await page.Locator("h1").WaitForAsync();
        // Lists load after the circuit connects.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static async Task ChooseLevelAsync(IPage page, string resource, string action, string level)
    {
        await page.ChooseAsync($"tr[data-resource={resource}] td[data-action={action}] .mud-select", level);
        await Assertions.Expect(page.Locator($"tr[data-resource={resource}] td[data-action={action}] input").First).ToHaveValueAsync(level);
    }

    // A select shows its choice as an input's value, not as text.
    private static async Task<string> LevelAsync(IPage page, string resource, string action)
    {
        var input = page.Locator($"tr[data-resource={resource}] td[data-action={action}] input").First;
        await input.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return await input.InputValueAsync();
    }
}
