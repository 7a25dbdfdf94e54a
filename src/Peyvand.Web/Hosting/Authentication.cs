using Microsoft.AspNetCore.Identity;
using Peyvand.Identity.Auth;

namespace Peyvand.Web.Hosting;

public static class Authentication
{
    private const string Selector = "Peyvand";

    /// <summary>API routes authenticate with bearer API keys only (no cookies, so no CSRF); everything else with the sign-in cookie.</summary>
    public static IServiceCollection AddPeyvandAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api/v1") ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "peyvand.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddAuthorization();
        return services;
    }
}

/// <summary>Fills the scope's current user from the authenticated principal; an identity that no longer holds (disabled user) is dropped.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    // The user's grants are usually cached, so loading completes at once and the request passes on without a state machine.
    public Task InvokeAsync(HttpContext http, CurrentUserLoader loader)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return next(http);
        var loading = loader.LoadAsync(http.User, http.RequestAborted);
        if (!loading.IsCompletedSuccessfully)
            return LoadThenNextAsync(http, loading);
        Admit(http, loading.Result);
        return next(http);
    }

    private async Task LoadThenNextAsync(HttpContext http, ValueTask<bool> loading)
    {
        Admit(http, await loading);
        await next(http);
    }

    private static void Admit(HttpContext http, bool loaded)
    {
        if (!loaded)
            http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
    }
}

public static class ApiBodyLimit
{
    private const long MaxApiBodyBytes = Kernel.Api.StatusProblems.MaxApiBodyBytes;

    /// <summary>API bodies are small JSON documents; anything over 1 MiB is refused with 413 before it is read.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            if (http.Request.ContentLength > MaxApiBodyBytes)
                throw new BadHttpRequestException(Kernel.Api.ApiText.TooLargeTitle, StatusCodes.Status413PayloadTooLarge);
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxApiBodyBytes;
        }
        return next(http);
    });
}
