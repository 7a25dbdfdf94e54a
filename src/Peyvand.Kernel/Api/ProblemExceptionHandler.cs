using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Peyvand.Kernel.Api;

/// <summary>Turns every exception that reaches the pipeline into RFC 9457 problem details with the right status.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        // The exception handler runs outside the request localisation middleware, so it takes the request's culture back.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } requestCulture)
        {
            CultureInfo.CurrentCulture = requestCulture.Culture;
            CultureInfo.CurrentUICulture = requestCulture.UICulture;
        }
        var problem = exception switch
        {
            InvalidInputException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ApiText.InvalidTitle,
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Summary(bad.Message) },
            JsonException json => JsonProblem(json),
            NotFoundException nf => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = ApiText.NotFoundTitle, Detail = nf.Message },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = ApiText.ForbiddenTitle, Detail = f.Message },
            ConflictException c => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = ApiText.ConflictTitle, Detail = c.Message },
            ConcurrencyException or DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = ApiText.ChangedTitle,
                Detail = ApiText.ChangedDetail,
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ApiText.UnexpectedTitle };
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [ApiText.NotJson],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ApiText.UnreadableTitle,
        };
    }

    // Framework messages can echo request data; keep the first sentence only.
    private static string Summary(string message) => message.Split('\n')[0];
}
