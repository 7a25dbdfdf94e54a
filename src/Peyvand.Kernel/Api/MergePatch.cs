using System.Text.Json;
using System.Text.Json.Nodes;
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
            throw new InvalidInputException("body", "A merge patch must be a JSON object.");
        var target = JsonSerializer.SerializeToNode(current, PeyvandJson.Options)!;
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        try
        {
            return merged.Deserialize<T>(PeyvandJson.Options)
                ?? throw new InvalidInputException("body", "The patch removed every field.");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw new InvalidInputException(field, ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field." : "The value is not valid JSON of the expected type.");
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
