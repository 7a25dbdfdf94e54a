using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Domain;

using Peyvand.Kernel.Lists;

namespace Peyvand.Kernel.Resources;

[Flags]
public enum ResourceRoutes
{
    List = 1,
    Get = 2,
    Create = 4,
    Patch = 8,
    Delete = 16,
    Restore = 32,
    All = List | Get | Create | Patch | Delete | Restore,
}

/// <summary>Maps the standard REST routes of a resource onto its <see cref="ResourceService{TEntity,TWrite,TView}"/>.</summary>
public static class ResourceEndpoints
{
    public const string MergePatchJson = "application/merge-patch+json";

    public static RouteGroupBuilder MapResource<TEntity, TWrite, TView>(
        this IEndpointRouteBuilder api, string name, string tag, ResourceRoutes routes = ResourceRoutes.All)
        where TEntity : class, ITracked
        where TWrite : class
        where TView : class
    {
        var group = api.MapGroup($"/{name}").WithTags(tag);
        var plural = Pascal(name);
        var singular = Singular(plural);

        if (routes.HasFlag(ResourceRoutes.List))
        {
            group.MapGet("/", async ([AsParameters] ListQuery list, ResourceService<TEntity, TWrite, TView> service, HttpRequest request, CancellationToken ct) =>
                    TypedResults.Ok(await service.ListAsync(list, ct, parameters: QueryParameters(request))))
                .WithName($"List{plural}").WithSummary($"List {name} (keyset paging; q, sort, limit ≤ {ListQuery.MaxLimit})")
                .WithStandardProblems();
        }

        if (routes.HasFlag(ResourceRoutes.Get))
        {
            group.MapGet("/{id:guid}", async (Guid id, ResourceService<TEntity, TWrite, TView> service, HttpResponse response, CancellationToken ct) =>
                    Ok(response, await service.GetAsync(id, ct)))
                .WithName($"Get{singular}").WithSummary($"Read one of the {name}")
                .WithStandardProblems(byId: true);
        }

        if (routes.HasFlag(ResourceRoutes.Create))
        {
            group.MapPost("/", async (TWrite body, ResourceService<TEntity, TWrite, TView> service, HttpContext http, CancellationToken ct) =>
                    Created(http, name, await service.CreateAsync(body, ct)))
                .WithName($"Create{singular}").WithSummary($"Create one of the {name} (honours Idempotency-Key)")
                .WithStandardProblems(writes: true);
        }

        if (routes.HasFlag(ResourceRoutes.Patch))
        {
            group.MapPatch("/{id:guid}", async (Guid id, MergePatchBody body, ResourceService<TEntity, TWrite, TView> service, HttpContext http, CancellationToken ct) =>
                    Ok(http.Response, await service.PatchAsync(id, body.Patch, ETags.ExpectedVersion(http.Request), ct)))
                .Accepts<TWrite>(MergePatchJson, "application/json")
                .WithName($"Update{singular}").WithSummary($"Change one of the {name} (JSON merge patch; If-Match)")
                .WithStandardProblems(writes: true, byId: true);
        }

        if (routes.HasFlag(ResourceRoutes.Delete))
        {
            group.MapDelete("/{id:guid}", async (Guid id, ResourceService<TEntity, TWrite, TView> service, HttpRequest request, CancellationToken ct) =>
                {
                    await service.DeleteAsync(id, ETags.ExpectedVersion(request), ct);
                    return TypedResults.NoContent();
                })
                .WithName($"Delete{singular}").WithSummary($"Delete one of the {name} (soft; If-Match)")
                .WithStandardProblems(writes: true, byId: true);
        }

        if (routes.HasFlag(ResourceRoutes.Restore))
        {
            group.MapPost("/{id:guid}/restore", async (Guid id, ResourceService<TEntity, TWrite, TView> service, HttpResponse response, CancellationToken ct) =>
                    Ok(response, await service.RestoreAsync(id, ct)))
                .WithName($"Restore{singular}").WithSummary($"Bring back a deleted one of the {name}")
                .WithStandardProblems(writes: true, byId: true);
        }

        return group;
    }

    /// <summary>The list route of a resource with filters of its own besides q/sort/limit/cursor (bound from the query string).</summary>
    public static RouteHandlerBuilder MapFilteredList<TEntity, TWrite, TView, TFilter>(
        this RouteGroupBuilder group, string operationName, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter, string summary)
        where TEntity : class, ITracked
        where TWrite : class
        where TView : class
        where TFilter : class =>
        group.MapGet("/", async ([AsParameters] ListQuery list, [AsParameters] TFilter filters,
                    ResourceService<TEntity, TWrite, TView> service, HttpRequest request, CancellationToken ct) =>
                {
                    var prepared = await request.HttpContext.RequestServices.PrepareFilterAsync(filters, ct);
                    return TypedResults.Ok(await service.ListAsync(list, ct, q => filter(q, prepared), QueryParameters(request)));
                })
            .WithName(operationName).WithSummary(summary)
            .WithStandardProblems();

    /// <summary>
    /// <c>GET /count</c>: how many records the list with the same <c>q</c>, filters and <c>sort</c> pages through for the caller (a
    /// search in relevance order leaves out typo matches once exact ones fill its window), and with
    /// <c>groupBy</c> how many per value of one field (lists are keyset-paged and carry no total).
    /// </summary>
    public static RouteHandlerBuilder MapCount<TEntity, TWrite, TView, TFilter>(
        this RouteGroupBuilder group, string operationName, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter, string summary)
        where TEntity : class, ITracked
        where TWrite : class
        where TView : class
        where TFilter : class =>
        group.MapGet("/count", async (string? q, string? sort, string? groupBy, [AsParameters] TFilter filters,
                    ResourceService<TEntity, TWrite, TView> service, HttpRequest request, CancellationToken ct) =>
                {
                    var prepared = await request.HttpContext.RequestServices.PrepareFilterAsync(filters, ct);
                    return TypedResults.Ok(await service.CountAsync(q, sort, groupBy, ct, rows => filter(rows, prepared), QueryParameters(request)));
                })
            .WithName(operationName).WithSummary(summary)
            .WithStandardProblems();

    /// <summary>The query string as name/value pairs, for filters a resource reads by name (custom fields: <c>cf.budget.gte</c>).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> QueryParameters(HttpRequest request) =>
        [.. request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))];

    public static JsonOk<TView> Ok<TView>(HttpResponse response, Versioned<TView> result)
    {
        ETags.Set(response, result.Version);
        return JsonResults.Ok(result.View);
    }

    public static JsonCreated<TView> Created<TView>(HttpContext http, string name, Versioned<TView> result)
    {
        ETags.Set(http.Response, result.Version);
        return JsonResults.Created($"/api/v1/{name}/{result.Id}", result.View);
    }

    // Resource names are regular English plurals: companies → Company, api-keys → ApiKey.
    private static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y" : plural.TrimEnd('s');

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
