using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.E2E.Infrastructure;
using Peyvand.Identity.Domain;

namespace Peyvand.E2E;

public sealed class SignInTests(E2EApp app)
{
    [Fact]
    public async Task Home_WhenSignedOut_RedirectsToLogin_AndTheBootstrapAdminSignsIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Matches("/account/login\\?ReturnUrl=%2F$", page.Url);

        await page.FillAsync("#email", app.AdminEmail);
        await page.FillAsync("#password", E2EApp.Password);
        await page.ClickAsync("button[type=submit]");

        await page.ExpectHomeAsync();
        Assert.Contains("Administrator", await page.InnerTextAsync("h1"));
        await page.WaitForCircuitAsync();
        await E2EApp.ScreenshotAsync(page, "home-fa-desktop");
    }

    [Fact]
    public async Task WrongPassword_ShowsALocalisedError_InBothLanguages()
    {
        var email = await app.CreateUserAsync("Wrong Password");
        var page = await app.NewPageAsync();

        await page.SignInAsync(email, "not-the-password-1");
        Assert.Equal("ایمیل یا گذرواژه نادرست است.", (await page.InnerTextAsync("#login-error")).Trim());
        Assert.Contains("/account/login", page.Url);

        await page.SignInAsync(email, "not-the-password-2", "/account/login?culture=en-US");
        Assert.Equal("The email or password is wrong.", (await page.InnerTextAsync("#login-error")).Trim());
        await E2EApp.ScreenshotAsync(page, "login-error-en");
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_EvenWithTheRightPassword()
    {
        var email = await app.CreateUserAsync("Disabled", disabled: true);
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.WaitForSelectorAsync("#login-error");
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithAClearMessage()
    {
        var email = await app.CreateUserAsync("Locked");
        var page = await app.NewPageAsync();
        for (var i = 0; i < 5; i++)
            await page.SignInAsync(email, $"wrong-password-{i}", "/account/login?culture=en-US");
        await page.SignInAsync(email, E2EApp.Password);
        Assert.Contains("locked for 15 minutes", await page.InnerTextAsync("#login-error"));
    }

    [Fact]
    public async Task SignOut_FromTheUserMenu_EndsTheSession()
    {
        var email = await app.CreateUserAsync("Signs Out");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.ExpectHomeAsync();

        await page.SignOutAsync();
        await page.GotoAsync("/");
        Assert.Matches(new Regex("/account/login"), page.Url);
    }

    [Fact]
    public async Task SignIn_UsesTheLanguageSavedInTheProfile()
    {
        var email = await app.CreateUserAsync("Prefers English", language: "en");
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, E2EApp.Password);
        await page.ExpectHomeAsync();
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("Welcome, Prefers English", (await page.InnerTextAsync("h1")).Trim());

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal("en", (await users.FindByEmailAsync(email))!.Language);
    }
}
