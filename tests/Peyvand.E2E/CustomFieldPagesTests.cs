using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Peyvand.E2E.Infrastructure;
using Peyvand.Identity.Domain;

namespace Peyvand.E2E;

public sealed class CustomFieldPagesTests(E2EApp app)
{
    [Fact]
    public async Task Admin_DefinesASelectFieldInPersian_FillsItOnAContact_AndSeesItOnTheContactsPage()
    {
        // An administrator of its own: signing in takes the profile's language, which other tests change on the shared admin.
        var email = await app.CreateUserAsync("مدیر فیلدها", "fa", roleKey: BuiltInRoles.Administrator);
        var page = await app.NewPageAsync(1280, 900);
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=fa-IR");
        await page.ExpectHomeAsync();
        var key = "level_" + Guid.NewGuid().ToString("N")[..6];
        var label = "سطح همکاری " + key[^3..];

        await page.GotoAsync("/admin/custom-fields");
        await page.WaitForCircuitAsync();
        await page.ClickAsync(".pv-cf-new");
        await page.FillAsync(".pv-cf-label-fa input", label);
        await page.FillAsync(".pv-cf-key input", key);
        await page.ChooseAsync(".pv-cf-type", "انتخاب تکی");
        await page.ClickAsync(".pv-cf-add-option");
        await page.ClickAsync(".pv-cf-add-option");
        await page.FillAsync(".pv-cf-option-fa input >> nth=0", "طلایی");
        await page.FillAsync(".pv-cf-option-en input >> nth=0", "Gold");
        await page.FillAsync(".pv-cf-option-fa input >> nth=1", "نقره‌ای");
        await page.FillAsync(".pv-cf-option-en input >> nth=1", "Silver");
        await E2EApp.ScreenshotAsync(page, "custom-field-new-fa");
        await page.ClickAsync(".pv-cf-save");
        await page.Locator(".pv-cf-table tr", new() { HasText = key }).WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "custom-fields-fa");

        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "صالحی");
        await page.ChooseAsync($".pv-cf-{key}", "طلایی");
        await E2EApp.ScreenshotAsync(page, "contact-custom-field-fa");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));

        await page.Locator($"dt.pv-cf-{key}", new() { HasText = label }).WaitForAsync();
        Assert.Equal("طلایی", (await page.InnerTextAsync($"dd.pv-cf-{key}")).Trim());
        await E2EApp.ScreenshotAsync(page, "contact-detail-custom-field-fa");

        // Archiving hides it from the record's page (the value stays stored).
        await page.GotoAsync("/admin/custom-fields");
        await page.WaitForCircuitAsync();
        var row = page.Locator(".pv-cf-table tr", new() { HasText = key });
        await row.Locator("button[aria-label^='بایگانی']").ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
