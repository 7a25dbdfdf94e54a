using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Peyvand.Kernel.Data;

namespace Peyvand.Kernel.Api;

/// <summary>
/// JSON merge patch (RFC 7396) over a resource's write model: the current values are written out, the patch
/// merged in, and the result read back, so PATCH validates exactly like POST and needs no per-field code.
/// </summary>
public static class MergePatch
{
    public static T Apply<T>(T current, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException("body", ApiText.PatchObject);
        var target = JsonSerializer.SerializeToNode(current, PeyvandJson.Options)!;
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        try
        {
            return merged.Deserialize<T>(PeyvandJson.Options)
                ?? throw new InvalidInputException("body", ApiText.PatchEmpty);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw new InvalidInputException(field, ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? ApiText.UnknownField : ApiText.NotJson);
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return patch?.DeepClone();
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
                result[name] = null; // our write models keep every key; null clears the field
            else
                result[name] = Merge(result[name]?.DeepClone(), value);
        }
        return result;
    }
}

/// <summary>
/// A PATCH body, read by hand rather than bound as a <see cref="JsonElement"/>: the route then declares its write model with
/// <c>Accepts&lt;TWrite&gt;</c> and the OpenAPI document shows the real fields. Only JSON media types are accepted (else 415).
/// </summary>
public sealed record MergePatchBody(JsonElement Patch)
{
    public static async ValueTask<MergePatchBody> BindAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("application/merge-patch+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadHttpRequestException(ApiText.UnsupportedMediaTypeDetail, StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            return new MergePatchBody(await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, PeyvandJson.Options, http.RequestAborted));
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException(ApiText.UnreadableTitle, StatusCodes.Status400BadRequest, ex);
        }
    }
}
