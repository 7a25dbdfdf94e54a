using Peyvand.E2E.Infrastructure;
using Peyvand.Kernel.Localization;

namespace Peyvand.E2E;

public sealed class LanguageTests(E2EApp app)
{
    [Fact]
    public async Task SwitchingToPersian_MakesThePageRightToLeft_WithAJalaliDateInPersianDigits()
    {
        var email = await app.CreateUserAsync("مریم احمدی");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password, "/account/login?culture=en-US");
        await page.ExpectHomeAsync();
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.WaitForCircuitAsync();
        await E2EApp.ScreenshotAsync(page, "home-en-desktop");

        await page.ClickAsync("a.pv-lang-link");
        await page.WaitForFunctionAsync("document.documentElement.dir === 'rtl'");
        await page.WaitForCircuitAsync();

        Assert.Equal("fa", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("مریم احمدی، خوش آمدید", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator(".mud-application-layout-rtl").CountAsync());
        var today = DateFormatter.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        var expected = DateFormatter.LongDate(today, "fa", CalendarKind.Jalali);
        var shown = await page.InnerTextAsync(".pv-today");
        Assert.Contains(expected, shown);
        Assert.Matches("[۰-۹]{4}", shown);
        Assert.DoesNotMatch("[0-9]", shown);
        await E2EApp.ScreenshotAsync(page, "home-fa-after-switch");

        // The choice is remembered: a new visit stays Persian.
        await page.GotoAsync("/");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
    }

    [Fact]
    public async Task Home_AtPhoneWidth_HidesTheDrawer_AndFits()
    {
        var email = await app.CreateUserAsync("Phone User");
        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync(email, E2EApp.Password);
        await page.ExpectHomeAsync();
        await page.WaitForCircuitAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The home page scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, "home-fa-phone");

        // The drawer starts closed at phone width and opens from the menu button.
        var homeLink = page.Locator(".mud-drawer a[href='/']");
        Assert.False(await homeLink.IsVisibleAsync());
        await page.ClickAsync("header button[aria-label='باز و بسته کردن منو']");
        await homeLink.WaitForAsync();
        await E2EApp.ScreenshotAsync(page, "home-fa-phone-drawer");

        await page.GotoAsync("/?culture=en-US");
        await page.WaitForCircuitAsync();
        await E2EApp.ScreenshotAsync(page, "home-en-phone");
    }

    [Theory]
    [InlineData("fa-IR", "ورود")]
    [InlineData("en-US", "Sign in")]
    public async Task LoginPage_At360Pixels_FitsWithoutSidewaysScrolling(string culture, string title)
    {
        var page = await app.NewPageAsync(360, 740);
        await page.GotoAsync($"/account/login?culture={culture}");
        Assert.Equal(title, (await page.InnerTextAsync("h1")).Trim());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The login page scrolls sideways at 360 px.");
        var button = await page.Locator("button[type=submit]").BoundingBoxAsync();
        Assert.NotNull(button);
        Assert.True(button.X >= 0 && button.X + button.Width <= 360);
        await E2EApp.ScreenshotAsync(page, $"login-{culture}-phone");
    }
}
