using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Peyvand.Kernel.Api;

/// <summary>Turns every exception that reaches the pipeline into RFC 9457 problem details with the right status.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        StatusProblems.UseRequestCulture(http);
        var problem = exception switch
        {
            InvalidInputException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ApiText.InvalidTitle,
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException bad => BadRequestProblem(bad, http.Request.Method),
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

    // The framework's own messages are English (and can echo request data): a parameter it could not bind becomes that
    // parameter's field error; anything else gets the texts of its status.
    private static ProblemDetails BadRequestProblem(BadHttpRequestException bad, string method)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest || BadParameter().Match(bad.Message) is not { Success: true } match)
            return StatusProblems.For(bad.StatusCode, method);
        var missing = bad.Message.Contains("was not provided", StringComparison.Ordinal);
        var field = bad.Message.Contains("from body", StringComparison.Ordinal) || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal)
            ? "body"
            : match.Groups["name"].Value;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [missing ? ApiText.Required : ApiText.Invalid],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ApiText.InvalidTitle,
        };
    }

    // 'Failed to bind parameter "int? limit" from "abc".', 'Required parameter "Guid id" was not provided from route.'
    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[^\"\\s]+)\"")]
    private static partial Regex BadParameter();
}
