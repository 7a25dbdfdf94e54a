using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Peyvand.Tests.Infrastructure;

public static partial class FormSignIn
{
    /// <summary>
    /// A browser-like client (it keeps cookies and follows redirects) signed in through the real form, so its cookie carries
    /// what sign-in puts there; with the home page it landed on.
    /// </summary>
    public static async Task<(HttpClient Browser, string Home)> SignInThroughFormAsync(this PeyvandAppFactory app, string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var form = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
        Assert.NotEmpty(token);
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = PeyvandAppFactory.AdminPassword,
            ["Input.ReturnUrl"] = "/",
        }));
        await signedIn.ShouldHaveAsync(HttpStatusCode.OK);
        var home = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("pv-today", home);
        return (browser, home);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
