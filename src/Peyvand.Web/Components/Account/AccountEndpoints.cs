using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Peyvand.Identity.Domain;

namespace Peyvand.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no other site can sign a user out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Preferences live in the sign-in cookie's claims; after a change the cookie is re-issued from the profile.
        // Harmless to call from anywhere (it only re-reads the caller's own row), so no antiforgery token is asked for.
        app.MapGet("/account/refresh", async (string? returnUrl, HttpContext http) =>
            {
                await RefreshAsync(http);
                return TypedResults.LocalRedirect(AccountFlow.SafeReturnUrl(returnUrl));
            })
            .ExcludeFromDescription();
        app.MapPost("/account/refresh", async (HttpContext http) =>
            {
                await RefreshAsync(http);
                return TypedResults.NoContent();
            })
            .ExcludeFromDescription();
        MapLogout(app);
    }

    private static async Task RefreshAsync(HttpContext http)
    {
        var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (http.User.Identity?.IsAuthenticated != true || await signIn.UserManager.GetUserAsync(http.User) is not { } user)
            return;
        await signIn.RefreshSignInAsync(user);
        if (!string.IsNullOrEmpty(user.Language))
            Hosting.Localization.AppendCultureCookie(http.Response, Hosting.Localization.CultureForLanguage(user.Language));
    }

    /// <summary>The bootstrap administrator with a generated password sees the first-run page before anything else.</summary>
    public static IApplicationBuilder UseFirstRunRedirect(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        if (HttpMethods.IsGet(http.Request.Method) && http.User.HasClaim(c => c.Type == Identity.Auth.PeyvandClaims.FirstRun)
            && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/_content") && !Path.HasExtension(path.Value))
        {
            http.Response.Redirect("/account/first-run");
            return Task.CompletedTask;
        }
        return next(http);
    });

    private static void MapLogout(IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, BadRequest>> (
                SignInManager<AppUser> signIn, IAntiforgery antiforgery, HttpContext http) =>
            {
                // The middleware only records the check for endpoints that bind no form; refusing is up to us.
                if (!await antiforgery.IsRequestValidAsync(http))
                    return TypedResults.BadRequest();
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
}
