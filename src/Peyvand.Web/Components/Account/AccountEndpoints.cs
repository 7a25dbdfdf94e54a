using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Peyvand.Identity.Domain;

namespace Peyvand.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no other site can sign a user out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
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
