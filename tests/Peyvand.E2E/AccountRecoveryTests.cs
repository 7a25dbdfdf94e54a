using System.Text.RegularExpressions;
using Peyvand.E2E.Infrastructure;
using Peyvand.Tests.Infrastructure;

namespace Peyvand.E2E;

public sealed partial class AccountRecoveryTests(E2EApp app)
{
    private const string NewPassword = "brand-new-secret-77";

    [Fact]
    public async Task ForgotPassword_MailsALink_ThatSetsANewPassword()
    {
        if (E2EApp.MailDir is null)
            Assert.Skip("PEYVAND_TEST_MAILDIR is not set; ./test.sh starts an SMTP sink and sets it.");
        var email = await app.CreateUserAsync("Forgetful");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login?culture=en-US");
        await page.ClickAsync("text=Forgot your password?");
        // Enhanced navigation swaps the page in place: wait for it, or the login form's fields get filled.
        await page.WaitForURLAsync(new Regex("/account/forgot-password$"));
        await page.Locator("h1", new() { HasText = "Forgot your password" }).WaitForAsync();
        await page.FillAsync("#email", email);
        await page.ClickAsync("button[type=submit]");
        var sent = await page.InnerTextAsync("#forgot-sent");

        // An unknown address gets exactly the same answer.
        await page.GotoAsync("/account/forgot-password");
        await page.FillAsync("#email", $"nobody-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal(sent, await page.InnerTextAsync("#forgot-sent"));

        var message = await Mailbox.FirstToAsync(email);
        Assert.Equal("Reset your Peyvand password", message.Subject);
        var link = ResetLink().Match(message.TextBody ?? "").Value;
        Assert.StartsWith(app.BaseUrl + "/account/reset-password?", link);

        await page.GotoAsync(link);
        await page.FillAsync("#password", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("button[type=submit]");
        var errors = await page.InnerTextAsync("#reset-errors");
        Assert.Contains("at least 10 characters", errors);
        await E2EApp.ScreenshotAsync(page, "reset-password-errors-en");

        await page.FillAsync("#password", NewPassword);
        await page.FillAsync("#confirm", NewPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#reset-done");

        await page.SignInAsync(email, E2EApp.Password);
        await page.WaitForSelectorAsync("#login-error");
        await page.SignInAsync(email, NewPassword);
        await page.ExpectHomeAsync();
    }

    [Fact]
    public async Task TwoFactor_OnceEnabled_IsAskedAtSignIn_AndARecoveryCodeWorksOnce()
    {
        var email = await app.CreateUserAsync("Careful");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.ExpectHomeAsync();

        await page.GotoAsync("/account/two-factor");
        Assert.Equal("false", await page.GetAttributeAsync("#two-factor-state", "data-enabled"));
        Assert.StartsWith("data:image/png;base64,", await page.GetAttributeAsync(".pv-qr img", "src"));
        await E2EApp.ScreenshotAsync(page, "two-factor-setup-fa");
        await page.SetViewportSizeAsync(360, 740);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The 2FA page scrolls sideways at 360 px.");
        await E2EApp.ScreenshotAsync(page, "two-factor-setup-fa-phone");
        await page.SetViewportSizeAsync(1280, 800);
        var key = await page.InnerTextAsync("#authenticator-key");

        await page.FillAsync("#code", "000000");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[role=alert]");

        // Typed in Persian digits, as a phone keyboard in fa gives them.
        await page.FillAsync("#code", Peyvand.Kernel.Localization.Digits.ToPersian(Totp.Code(key, DateTimeOffset.UtcNow)));
        await page.ClickAsync("button[type=submit]");
        var codes = await page.Locator("#recovery-codes li").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        Assert.Equal("true", await page.GetAttributeAsync("#two-factor-state", "data-enabled"));
        await E2EApp.ScreenshotAsync(page, "two-factor-enabled-fa");

        await page.GotoAsync("/");
        await page.SignOutAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.WaitForURLAsync(new Regex("/account/login-2fa"));
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button[type=submit]");
        await page.ExpectHomeAsync();

        await page.SignOutAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.WaitForURLAsync(new Regex("/account/login-2fa"));
        await page.ClickAsync("a[href^='/account/login-recovery']");
        await page.FillAsync("#recovery-code", codes[0].ToLowerInvariant());
        await page.ClickAsync("button[type=submit]");
        await page.ExpectHomeAsync();

        await page.SignOutAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.WaitForURLAsync(new Regex("/account/login-2fa"));
        await page.ClickAsync("a[href^='/account/login-recovery']");
        await page.FillAsync("#recovery-code", codes[0]);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Contains("/account/login-recovery", page.Url);
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
