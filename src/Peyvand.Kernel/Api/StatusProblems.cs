using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Peyvand.Kernel.Api;

/// <summary>
/// Problem details for responses the framework ends with a bare status (a 401 challenge, a 403 forbid, an unknown route,
/// a method the route does not take), in the caller's language like every other problem.
/// </summary>
public static class StatusProblems
{
    /// <summary>The app's language when a request never reached the request localisation (Persian, as there).</summary>
    private static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("fa-IR");

    /// <summary>
    /// Takes the request's culture back: status code pages and the exception handler run outside the request localisation
    /// middleware, where the culture it set has already been undone.
    /// </summary>
    public static void UseRequestCulture(HttpContext http)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture;
        CultureInfo.CurrentCulture = culture?.Culture ?? DefaultCulture;
        CultureInfo.CurrentUICulture = culture?.UICulture ?? DefaultCulture;
    }

    /// <summary>The largest request body the API takes (1 MiB): JSON documents of one record or one bulk request.</summary>
    public const long MaxApiBodyBytes = 1024 * 1024;

    public static ProblemDetails For(int status, string method) => status switch
    {
        StatusCodes.Status400BadRequest => new() { Status = status, Title = ApiText.BadRequestTitle },
        StatusCodes.Status401Unauthorized => new() { Status = status, Title = ApiText.UnauthorizedTitle, Detail = ApiText.UnauthorizedDetail },
        StatusCodes.Status403Forbidden => new() { Status = status, Title = ApiText.ForbiddenTitle, Detail = ApiText.ForbiddenDetail },
        StatusCodes.Status404NotFound => new() { Status = status, Title = ApiText.NotFoundTitle, Detail = ApiText.NoSuchAddress },
        StatusCodes.Status405MethodNotAllowed => new()
        {
            Status = status, Title = ApiText.MethodNotAllowedTitle, Detail = ApiText.MethodNotAllowedDetail(method),
        },
        // The host refuses API bodies over the limit (ApiBodyLimit); nothing else in the app takes larger ones.
        StatusCodes.Status413PayloadTooLarge => new()
        {
            Status = status, Title = ApiText.TooLargeTitle, Detail = ApiText.TooLargeDetail(MaxApiBodyBytes / (1024 * 1024)),
        },
        StatusCodes.Status415UnsupportedMediaType => new()
        {
            Status = status, Title = ApiText.UnsupportedMediaTypeTitle, Detail = ApiText.UnsupportedMediaTypeDetail,
        },
        StatusCodes.Status429TooManyRequests => new() { Status = status, Title = ApiText.TooManyTitle },
        >= 500 => new() { Status = status, Title = ApiText.UnexpectedTitle },
        _ => new() { Status = status, Title = ApiText.RequestFailedTitle },
    };

    /// <summary>The status code pages handler: a problem document, or its text where the client takes no JSON.</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        UseRequestCulture(http);
        var problem = For(http.Response.StatusCode, http.Request.Method);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(problem.Detail is null ? problem.Title! : $"{problem.Title} {problem.Detail}", http.RequestAborted);
        }
    }
}
