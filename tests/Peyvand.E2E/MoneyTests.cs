using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Peyvand.E2E.Infrastructure;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.E2E;

/// <summary>
/// An organisation that shows tomans: amounts are typed and read in tomans (Persian digits in fa), and the API still
/// holds rials.
/// </summary>
public sealed class MoneyTests(E2EApp app)
{
    [Fact]
    public async Task Organisation_in_tomans_types_and_reads_tomans_and_the_api_keeps_rials()
    {
        var key = "budget_" + Guid.NewGuid().ToString("N")[..6];
        var email = await app.CreateUserAsync("مدیر مالی", "fa", roleKey: BuiltInRoles.Administrator);
        var apiKey = await SetUpAsync(key, email);

        var page = await app.NewPageAsync(1280, 900);
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=fa-IR");
        await page.ExpectHomeAsync();

        // The administrator chooses tomans on the organisation's settings page.
        await page.GotoAsync("/admin/settings");
        await page.WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ChooseAsync(".pv-rial-display", "تومان (هر تومان ۱۰ ریال)");
        await E2EApp.ScreenshotAsync(page, "money-settings-fa");
        var refreshed = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/refresh", StringComparison.Ordinal));
        await page.ClickAsync(".pv-save-settings");
        await refreshed;

        // A contact's budget typed in tomans, in Persian digits, beside the word تومان.
        await page.GotoAsync("/contacts/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(".pv-last-name input", "توکلی");
        Assert.Equal("تومان", (await page.InnerTextAsync($".pv-cf-{key} .mud-input-adornment")).Trim());
        await page.FillAsync($".pv-cf-{key} input", "۱۲۵۰۰۰۰");
        await page.Locator($".pv-cf-{key} input").BlurAsync();
        await E2EApp.ScreenshotAsync(page, "money-input-fa");
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        var id = page.Url[^36..];

        await page.Locator($"dd.pv-cf-{key}").WaitForAsync();
        Assert.Equal("۱٬۲۵۰٬۰۰۰ تومان", (await page.InnerTextAsync($"dd.pv-cf-{key}")).Trim());
        await E2EApp.ScreenshotAsync(page, "money-contact-fa");

        // The API holds rials, whatever the organisation shows.
        using (var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            var contact = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/contacts/{id}")).RootElement;
            var budget = contact.GetProperty("customFields").GetProperty(key);
            Assert.Equal("12500000", budget.GetProperty("amount").GetString());
            Assert.Equal("IRR", budget.GetProperty("currency").GetString());
            Assert.Equal("toman", JsonDocument.Parse(await http.GetStringAsync("/api/v1/tenant")).RootElement.GetProperty("rialDisplay").GetString());
        }

        // Editing shows the same tomans back, not the stored rials.
        await page.GotoAsync($"/contacts/{id}/edit");
        await page.WaitForCircuitAsync();
        await page.Locator($".pv-cf-{key} input").WaitForAsync();
        Assert.Equal("۱۲۵۰۰۰۰", await page.InputValueAsync($".pv-cf-{key} input"));

        // A new amount typed with Persian separators; the timeline shows the change in tomans, before and after.
        await page.FillAsync($".pv-cf-{key} input", "۱٬۵۰۰٬۰۰۰");
        await page.Locator($".pv-cf-{key} input").BlurAsync();
        await page.ClickAsync(".pv-save");
        await page.WaitForURLAsync(new Regex("/contacts/[0-9a-f-]{36}$"));
        await page.Locator($"dd.pv-cf-{key}", new() { HasText = "۱٬۵۰۰٬۰۰۰ تومان" }).WaitForAsync();
        var change = page.Locator(".pv-timeline-item", new() { HasText = "۱٬۵۰۰٬۰۰۰ تومان" });
        await change.WaitForAsync();
        Assert.Contains("۱٬۲۵۰٬۰۰۰ تومان", await change.InnerTextAsync());
        await E2EApp.ScreenshotAsync(page, "money-timeline-fa");

        // In English on a phone: the same amount, in tomans, and nothing scrolls sideways.
        var phone = await app.NewPageAsync(360, 740);
        await phone.SignInAsync(email, E2EApp.Password, "/account/login?culture=en-US");
        await phone.ExpectHomeAsync();
        await phone.GotoAsync($"/contacts/{id}?culture=en-US");
        await phone.Locator($"dd.pv-cf-{key}").WaitForAsync();
        Assert.Equal("1,500,000 Toman", (await phone.InnerTextAsync($"dd.pv-cf-{key}")).Trim());
        await E2EApp.ScreenshotAsync(phone, "money-contact-en-phone");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The contact page scrolls sideways at 360 px.");
        await phone.GotoAsync("/admin/settings?culture=en-US");
        await phone.WaitForCircuitAsync();
        await phone.Locator(".pv-rial-display").WaitForAsync();
        await E2EApp.ScreenshotAsync(phone, "money-settings-en-phone");
    }

    // A money field on contacts and an API key for the user, set up directly (the pages for both have their own tests).
    private async Task<string> SetUpAsync(string key, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Slug == "default");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        await scope.ServiceProvider.GetRequiredService<ResourceService<CustomFieldDefinition, CustomFieldWrite, CustomFieldView>>().CreateAsync(
            new CustomFieldWrite("contacts", key, CustomFieldType.Money, LabelFa: "بودجه " + key[^3..], LabelEn: "Budget " + key[^3..], Currency: "IRR"),
            CancellationToken.None);
        var user = await db.Set<AppUser>().SingleAsync(u => u.Email == email);
        var (apiKey, secret) = ApiKey.Issue(user.Id, "money-e2e", null);
        db.Add(apiKey);
        await db.SaveChangesAsync();
        return secret;
    }
}
