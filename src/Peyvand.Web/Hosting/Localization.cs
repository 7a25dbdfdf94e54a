using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Domain;

namespace Peyvand.Web.Hosting;

/// <summary>
/// UI language: <c>?culture=</c> (which is then remembered in the standard culture cookie and, for a signed-in user,
/// in their profile), then the cookie, then the signed-in user's language, then fa-IR. API requests (<c>/api</c>) also
/// honour <c>Accept-Language</c> after <c>?culture=</c>: the language of the messages a client gets back.
/// </summary>
public static class Localization
{
    public const string Persian = "fa-IR";
    public const string English = "en-US";
    public static readonly string[] Cultures = [Persian, English];

    public static string CultureForLanguage(string? language) =>
        language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Persian;

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    public static IServiceCollection AddPeyvandLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Persian).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new ApiAcceptLanguageCultureProvider(),
                new CookieRequestCultureProvider(),
                new UserLanguageCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Runs after authentication so the signed-in user's language is known.</summary>
    public static IApplicationBuilder UsePeyvandLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use(RememberChosenCultureAsync);
    }

    public static void AppendCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/" });

    private static Task RememberChosenCultureAsync(HttpContext http, RequestDelegate next)
    {
        var requested = http.Request.Query["culture"].ToString();
        var culture = Cultures.FirstOrDefault(c => string.Equals(c, requested, StringComparison.OrdinalIgnoreCase));
        return culture is null || http.Request.Path.StartsWithSegments("/api") ? next(http) : RememberAsync(http, next, culture);
    }

    private static async Task RememberAsync(HttpContext http, RequestDelegate next, string culture)
    {
        AppendCultureCookie(http.Response, culture);
        if (http.User.Identity?.IsAuthenticated == true)
            await SaveUserLanguageAsync(http, culture[..2]);

        // A plain page load: drop the parameter from the address, so a bookmark or reload keeps the remembered choice.
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var rest = http.Request.Query.Where(q => !string.Equals(q.Key, "culture", StringComparison.OrdinalIgnoreCase))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
            var query = string.Join('&', rest);
            http.Response.Redirect($"{http.Request.PathBase}{http.Request.Path}{(query.Length > 0 ? "?" + query : "")}");
            return;
        }
        await next(http);
    }

    private static async Task SaveUserLanguageAsync(HttpContext http, string language)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(http.User) is { } user && user.Language != language)
        {
            user.Language = language;
            await users.UpdateAsync(user);
        }
    }

    private sealed class ApiAcceptLanguageCultureProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api")
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }

    private sealed class UserLanguageCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = httpContext.User.FindFirstValue(PeyvandClaims.Language);
            return Task.FromResult(string.IsNullOrEmpty(language) ? null : new ProviderCultureResult(CultureForLanguage(language)));
        }
    }
}
