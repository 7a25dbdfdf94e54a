using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Peyvand.Kernel.Api;

public static class ApiConventions
{
    /// <summary>The per-key rate limit every API route (and every other bearer-secret route) is under.</summary>
    public const string RateLimitPolicy = "api";

    /// <summary>Declares the problem responses every authenticated API route can give, so the OpenAPI document is complete.</summary>
    public static RouteHandlerBuilder WithStandardProblems(this RouteHandlerBuilder route, bool writes = false, bool byId = false)
    {
        route.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();
        if (byId)
            route.ProducesProblem(StatusCodes.Status404NotFound);
        if (writes)
            route.ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return route;
    }
}
