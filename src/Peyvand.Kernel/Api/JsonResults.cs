using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Peyvand.Kernel.Api;

/// <summary>
/// 200 and 201 results for one record, sent with a <c>Content-Length</c>. ASP.NET Core's own (<c>TypedResults.Ok</c>,
/// <c>Created</c>) stream the JSON, so Kestrel sends it chunked: the body in one write, the closing chunk in a second,
/// i.e. two sends (and two wake-ups of the client) for every response. One record's JSON is small, so it is serialised
/// first and sent with its length in one write. (Lists and exports, which can be large, keep streaming.)
/// </summary>
public static class JsonResults
{
    public static JsonOk<T> Ok<T>(T value) => new(value);

    public static JsonCreated<T> Created<T>(string location, T value) => new(location, value);

    internal static Task WriteAsync<T>(HttpContext http, int status, T value)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // The runtime type, as ASP.NET Core's results do for a value declared as a base type.
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(value?.GetType() ?? typeof(T)));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    internal static void Describe<T>(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(T), ["application/json"]));
}

/// <summary>200 with one record as JSON (see <see cref="JsonResults"/>); described in OpenAPI like <c>Ok&lt;T&gt;</c>.</summary>
public sealed class JsonOk<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => JsonResults.WriteAsync(httpContext, StatusCode, value);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => JsonResults.Describe<T>(builder, StatusCodes.Status200OK);
}

/// <summary>201 with the new record as JSON and its address in <c>Location</c> (see <see cref="JsonResults"/>).</summary>
public sealed class JsonCreated<T>(string location, T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    public string Location => location;

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => StatusCodes.Status201Created;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return JsonResults.WriteAsync(httpContext, StatusCode, value);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => JsonResults.Describe<T>(builder, StatusCodes.Status201Created);
}
