using System.Net;
using Peyvand.E2E.Infrastructure;

namespace Peyvand.E2E;

/// <summary>What the server sends before any script runs.</summary>
public sealed class HttpTests(E2EApp app)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };

    [Fact]
    public async Task LoginPage_IsPrerenderedInPersian_AsText_NotEntities()
    {
        using var client = Client();
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html);
        Assert.Contains("<h1>ورود</h1>", html);
        Assert.DoesNotMatch("&#x6[0-9A-F]{2};", html); // Arabic-script letters written as entities
    }

    [Fact]
    public async Task CultureParameter_IsRememberedInTheStandardCookie_AndDroppedFromTheAddress()
    {
        using var client = Client();
        using var response = await client.GetAsync("/account/login?culture=en-US&ReturnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2F", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US", StringComparison.Ordinal));

        using var english = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var html = await (await client.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html);
    }

    [Fact]
    public async Task Logout_WithoutAnAntiforgeryToken_IsRefused()
    {
        using var client = Client();
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_NeverRedirectsOffSite()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(await app.CreateUserAsync("Redirect"), E2EApp.Password, "/account/login?ReturnUrl=%2F%2Fevil.example%2F");
        await page.ExpectHomeAsync();
        Assert.StartsWith(app.BaseUrl, page.Url);
    }
}
