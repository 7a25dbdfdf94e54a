using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.Lists;

/// <summary>Registers and maps what every list shares: its column catalog, bulk actions and export.</summary>
public static class ListEndpoints
{
    public static IServiceCollection AddListing<TEntity, TWrite, TView, TCatalog>(this IServiceCollection services)
        where TEntity : class, ITracked
        where TWrite : class
        where TCatalog : ColumnCatalog<TView>
    {
        services.AddScoped<ColumnCatalog<TView>, TCatalog>();
        services.AddScoped<IListEntity>(sp => sp.GetRequiredService<ColumnCatalog<TView>>());
        services.AddScoped<ListColumns<TView>>();
        services.AddScoped<BulkActions<TEntity, TWrite, TView>>();
        services.AddScoped<ListExporter<TEntity, TWrite, TView>>();
        return services;
    }

    /// <summary><c>GET /{name}/deleted</c>: soft-deleted records, for whoever may delete (and so restore) them.</summary>
    public static RouteHandlerBuilder MapDeletedList<TEntity, TWrite, TView>(this RouteGroupBuilder group, string plural)
        where TEntity : class, ITracked
        where TWrite : class =>
        group.MapGet("/deleted", async ([AsParameters] ListQuery list, Resources.ResourceService<TEntity, TWrite, TView> service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListDeletedAsync(list, ct)))
            .WithName($"ListDeleted{plural}")
            .WithSummary("Deleted records (q, sort, limit, cursor), for whoever may delete them; bring one back with POST /{id}/restore")
            .WithStandardProblems();

    /// <summary><c>POST /{name}/bulk</c>: one action on the given ids or on every row of a filter, in one transaction.</summary>
    public static RouteHandlerBuilder MapBulk<TEntity, TWrite, TView, TFilter>(
        this RouteGroupBuilder group, string singular, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter, string actions)
        where TEntity : class, ITracked
        where TWrite : class
        where TFilter : class =>
        group.MapPost("/bulk", async (BulkRequest<TFilter> body, BulkActions<TEntity, TWrite, TView> bulk, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await bulk.ApplyAsync(
                    body.Filter is null ? body : body with { Filter = await http.RequestServices.PrepareFilterAsync(body.Filter, ct) }, filter, ct)))
            .WithName($"Bulk{singular}Action")
            .WithSummary($"Apply one action ({actions}) to up to {BulkActions.MaxRecords} records, by ids or by filter, in one transaction; " +
                "records outside the caller's reach are skipped and counted")
            .WithStandardProblems(writes: true);

    /// <summary><c>GET /{name}/export</c>: the current view (filters, q, sort, columns) as CSV or XLSX, streamed.</summary>
    public static RouteHandlerBuilder MapExport<TEntity, TWrite, TView, TFilter>(
        this RouteGroupBuilder group, string singular, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter)
        where TEntity : class, ITracked
        where TWrite : class
        where TFilter : class =>
        group.MapGet("/export", async ([AsParameters] ExportQuery query, [AsParameters] TFilter filters,
                    ListExporter<TEntity, TWrite, TView> exporter, HttpRequest request, CancellationToken ct) =>
                {
                    var prepared = await request.HttpContext.RequestServices.PrepareFilterAsync(filters, ct);
                    var export = await exporter.PrepareAsync(query, q => filter(q, prepared), ct, ResourceEndpoints.QueryParameters(request));
                    return TypedResults.Stream(stream => export.WriteAsync(stream, ct), export.ContentType, export.FileName);
                })
            .WithName($"Export{singular}List")
            .WithSummary($"The list as a file: format=csv (UTF-8 with BOM) or xlsx, columns=key,key…, lang=fa|en for the headers, " +
                $"plus the list's q, sort and filters (custom fields: cf.KEY…); at most {ListExport.MaxRows} rows")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ListExport.ContentType(ExportFormat.Xlsx))
            .WithStandardProblems();
}
