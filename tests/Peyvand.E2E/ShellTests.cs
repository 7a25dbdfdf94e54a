using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Peyvand.E2E.Infrastructure;
using Peyvand.Kernel.Localization;
using QRCoder;

namespace Peyvand.E2E;

/// <summary>The shell around the pages: preferences and theme, personal API keys, branding, first run, not found.</summary>
public sealed class ShellTests(E2EApp app)
{
    [Fact]
    public async Task ThemeAndPreferences_ApplyAtOnce_AndPersistAcrossSignIn()
    {
        var email = await app.CreateUserAsync("Preferring Person", language: "en");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=en-US");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();

        // The app bar's switch turns the page dark at once.
        await page.ClickAsync("button[aria-label='Switch to the dark theme']");
        await page.Locator("button[aria-label='Switch to the light theme']").WaitForAsync();
        Assert.Equal("rgb(18, 18, 18)", await BackgroundAsync(page));
        await E2EApp.ScreenshotAsync(page, "shell-dark-en");

        // English with the Jalali calendar: the calendar does not follow the language.
        await OpenUserMenuItemAsync(page, ".pv-menu-preferences");
        await page.WaitForURLAsync(new Regex("/me/preferences$"));
        await page.WaitForCircuitAsync();
        await page.ChooseAsync(".pv-calendar", "Jalali (Solar Hijri)");
        await E2EApp.ScreenshotAsync(page, "shell-preferences-en");
        await page.ClickAsync(".pv-save-preferences");
        await page.WaitForURLAsync(new Regex("/me/preferences\\?saved=1$"));
        await page.GotoAsync("/");
        var today = DateFormatter.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        Assert.Contains(DateFormatter.LongDate(today, "en", CalendarKind.Jalali), await page.InnerTextAsync(".pv-today"));

        // A new session starts dark and Jalali, from the profile.
        await page.SignOutAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.ExpectHomeAsync();
        Assert.Equal("rgb(18, 18, 18)", await BackgroundAsync(page));
        Assert.Contains(DateFormatter.LongDate(today, "en", CalendarKind.Jalali), await page.InnerTextAsync(".pv-today"));
        await page.WaitForCircuitAsync();
        await page.Locator("button[aria-label='Switch to the light theme']").WaitForAsync();

        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/me/preferences?culture=fa-IR");
        await page.WaitForCircuitAsync();
        await E2EApp.ScreenshotAsync(page, "shell-preferences-dark-fa-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The preferences page scrolls sideways at 360 px.");
    }

    [Fact]
    public async Task PersonalApiKey_IsCreatedFromTheUserMenu_AndShownOnce()
    {
        var email = await app.CreateUserAsync("Key Holder", language: "en");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=en-US");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        await OpenUserMenuItemAsync(page, ".pv-menu-api-keys");
        await page.WaitForURLAsync(new Regex("/me/api-keys$"));
        await page.WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.ClickAsync(".pv-new-key");
        await page.FillAsync(".pv-key-name input", "My script");
        await page.ClickAsync(".pv-create-key");
        var secret = await page.Locator(".pv-secret input").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await E2EApp.ScreenshotAsync(page, "shell-my-api-key-once-en");
        using (var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var me = await http.GetStringAsync("/api/v1/me");
            Assert.Contains(email, me);
        }
        await page.ClickAsync(".pv-secret-done");
        await page.Locator(".pv-keys tbody tr", new() { HasTextString = "My script" }).WaitForAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.Locator(".pv-keys tbody tr", new() { HasTextString = "My script" }).WaitForAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await E2EApp.ScreenshotAsync(page, "shell-my-api-keys-en");
    }

    [Fact]
    public async Task Logo_UploadedOnTheSettingsPage_ShowsInTheAppBar_AndSvgIsRefused()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAdminAsync(app, "en-US");
        await page.GotoAsync("/admin/settings");
        await page.WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.SetInputFilesAsync(".pv-logo-upload input[type=file]", new FilePayload
        {
            Name = "logo.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(),
        });
        await page.Locator(".pv-logo-error").WaitForAsync();
        Assert.Contains("PNG or JPEG", await page.InnerTextAsync(".pv-logo-error"));

        using var qr = new PngByteQRCode(QRCodeGenerator.GenerateQrCode("Peyvand", QRCodeGenerator.ECCLevel.L));
        await page.SetInputFilesAsync(".pv-logo-upload input[type=file]", new FilePayload
        {
            Name = "logo.png", MimeType = "image/png", Buffer = qr.GetGraphic(4),
        });
        await page.Locator(".pv-logo-preview").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "shell-settings-logo-en");

        await page.GotoAsync("/");
        var logo = page.Locator(".pv-brand-logo");
        await logo.WaitForAsync();
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The app bar's logo did not load.");
        var src = await logo.GetAttributeAsync("src");
        Assert.Matches("^/branding/logo/[0-9a-f-]{36}$", src);
        var response = await page.APIRequest.GetAsync(src!);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Contains("immutable", response.Headers["cache-control"]);
        await E2EApp.ScreenshotAsync(page, "shell-logo-appbar-en");
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/?culture=fa-IR");
        await page.Locator(".pv-brand-logo").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "shell-logo-appbar-fa-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The app bar scrolls sideways at 360 px.");
    }

    [Fact]
    public async Task FirstRun_AsksTheBootstrapAdminForAPasswordAndTheBasics_Once()
    {
        var email = await app.CreateFirstRunAdminAsync();
        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=fa-IR");
        await page.WaitForURLAsync(new Regex("/account/first-run$"));
        // Every other page leads back here until it is done.
        await page.GotoAsync("/admin/users");
        await page.WaitForURLAsync(new Regex("/account/first-run$"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await E2EApp.ScreenshotAsync(page, "shell-first-run-fa-phone");

        const string newPassword = "a-brand-new-secret-7";
        await page.FillAsync("#password", newPassword);
        await page.FillAsync("#confirm", "something-else-7");
        await page.ClickAsync("#first-run-save");
        await page.Locator("#first-run-errors").WaitForAsync();

        await page.FillAsync("#password", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.SelectOptionAsync("#calendar", "jalali");
        await page.ClickAsync("#first-run-save");
        await page.ExpectHomeAsync();

        // Never again: not on the next page, and not after signing in anew with the new password.
        await page.GotoAsync("/admin/settings");
        await page.WaitForURLAsync(new Regex("/admin/settings$"));
        await page.SignOutAsync();
        await page.SignInAsync(email, newPassword);
        await page.ExpectHomeAsync();
    }

    [Theory]
    [InlineData("fa-IR", "صفحه پیدا نشد", "rtl")]
    [InlineData("en-US", "Page not found", "ltr")]
    public async Task UnknownAddress_ShowsTheLocalisedNotFoundPage_InTheShell(string culture, string title, string dir)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAdminAsync(app, culture);
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        Assert.Equal(title, (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
        await page.Locator(".pv-brand").WaitForAsync();
        await E2EApp.ScreenshotAsync(page, $"shell-not-found-{culture}");
        await page.WaitForCircuitAsync();
        await page.ClickAsync(".pv-back-home");
        await page.ExpectHomeAsync();
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task AppBar_AtPhoneWidth_KeepsTheOrganisationsName_AndSearchAndUserMenuWork(string culture)
    {
        var fa = culture == "fa-IR";
        var email = await app.CreateUserAsync(fa ? "کاربر تلفن" : "Phone User", culture[..2]);
        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync(email, E2EApp.Password, $"/account/login?culture={culture}");
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        await E2EApp.ScreenshotAsync(page, $"shell-appbar-{culture}-phone");

        // The name stands next to the logo, inside the screen, cut with an ellipsis when long; nothing scrolls sideways.
        var name = page.Locator(".pv-app-name");
        Assert.True(await name.IsVisibleAsync(), "The organisation's name is hidden at 360 px.");
        Assert.False(string.IsNullOrWhiteSpace(await name.InnerTextAsync()));
        var box = (await name.BoundingBoxAsync())!;
        Assert.True(box.Width >= 40 && box.X >= 0 && box.X + box.Width <= 360, $"The name is squeezed or off screen: {box.X}+{box.Width}.");
        Assert.Equal("ellipsis", await name.EvaluateAsync<string>("e => getComputedStyle(e).textOverflow"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The app bar scrolls sideways at 360 px.");

        // Search: a button opens the box over the whole bar, focused; the back arrow closes it.
        Assert.False(await page.Locator(".pv-global-search input").IsVisibleAsync());
        await page.ClickAsync(".pv-search-toggle");
        var search = page.Locator(".pv-global-search input");
        await Assertions.Expect(search).ToBeVisibleAsync();
        await Assertions.Expect(search).ToBeFocusedAsync();
        var searchBox = (await search.BoundingBoxAsync())!;
        Assert.True(searchBox.Width >= 200, $"The opened search box is only {searchBox.Width} px wide.");
        await search.FillAsync("zz");
        await E2EApp.ScreenshotAsync(page, $"shell-appbar-search-{culture}-phone");
        await page.ClickAsync(".pv-search-close");
        await Assertions.Expect(search).Not.ToBeVisibleAsync();

        // The user menu opens, with the theme switch that the bar has no room for.
        await page.ClickAsync(fa ? "button[aria-label='منوی حساب کاربری']" : "button[aria-label='Account menu']");
        await Assertions.Expect(page.Locator(".pv-menu-theme")).ToBeVisibleAsync();
        await E2EApp.ScreenshotAsync(page, $"shell-appbar-menu-{culture}-phone");
        await page.ClickAsync(".pv-menu-preferences");
        await page.WaitForURLAsync(new Regex("/me/preferences$"));

        // On a desktop the search box sits in the bar itself, and the toggle is gone.
        await page.SetViewportSizeAsync(1280, 800);
        await Assertions.Expect(page.Locator(".pv-global-search input")).ToBeVisibleAsync();
        Assert.False(await page.Locator(".pv-search-toggle").IsVisibleAsync());
    }

    private static async Task<string> BackgroundAsync(IPage page) =>
        await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    private static async Task OpenUserMenuItemAsync(IPage page, string item)
    {
        await page.ClickAsync("button[aria-label='Account menu'], button[aria-label='منوی حساب کاربری']");
        await page.ClickAsync(item);
    }

}
