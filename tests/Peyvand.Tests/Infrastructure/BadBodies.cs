using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peyvand.Tests.Infrastructure;

/// <summary>One way of getting a request body wrong.</summary>
public sealed record BadBody(string Case, string Body, string ContentType = "application/json")
{
    public override string ToString() => Case;
}

/// <summary>Derives broken bodies for a route from its OpenAPI request schema, each a single defect in an otherwise valid body.</summary>
public static class BadBodies
{
    public const int HugeStringLength = 100_000;
    public const int OversizedBodyBytes = 2 * 1024 * 1024;

    public static IEnumerable<BadBody> For(ApiRoute route, JsonObject valid)
    {
        var oversized = (JsonObject)valid.DeepClone();
        oversized["padding"] = new string('x', OversizedBodyBytes);
        yield return new BadBody("a 2 MiB body", oversized.ToJsonString());

        if (route.BodySchema is not { } schema)
            yield break;

        yield return new BadBody("malformed JSON", valid.ToJsonString()[..^1] + ",\"");
        yield return new BadBody("a JSON array instead of an object", "[]");
        yield return new BadBody("the right JSON with Content-Type text/plain", valid.ToJsonString(), "text/plain");
        yield return new BadBody("an unknown extra property", With(valid, "notAField", JsonValue.Create("surprise")));

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var propertySchema = route.Resolve(property.Value);
                yield return new BadBody($"{property.Name} of the wrong JSON type", With(valid, property.Name, WrongType(propertySchema)));
                if (Types(propertySchema).Contains("string"))
                    yield return new BadBody($"{property.Name} of {HugeStringLength:N0} characters", With(valid, property.Name, JsonValue.Create(new string('x', HugeStringLength))));
                if (UnknownEnumValue(route, propertySchema) is { } unknown)
                    yield return new BadBody($"{property.Name} with an unknown enum value", With(valid, property.Name, unknown));
            }
        }
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                yield return new BadBody($"{name} (required) as null", With(valid, name, null));
        }
    }

    private static string With(JsonObject valid, string name, JsonNode? value)
    {
        var body = (JsonObject)valid.DeepClone();
        body[name] = value;
        return body.ToJsonString();
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
    }

    private static JsonNode WrongType(JsonElement schema)
    {
        var types = Types(schema);
        if (types.Contains("string") || schema.TryGetProperty("enum", out _))
            return JsonValue.Create(12345);
        if (types.Contains("array"))
            return new JsonObject { ["not"] = "a list" };
        if (types.Contains("object"))
            return JsonValue.Create(42);
        if (types.Contains("boolean") || types.Contains("integer") || types.Contains("number"))
            return JsonValue.Create("not-a-" + types.First(t => t != "null"));
        return new JsonArray();
    }

    /// <summary>An unknown value where the schema holds an enum, directly or as the values of a map (e.g. a permission matrix).</summary>
    private static JsonNode? UnknownEnumValue(ApiRoute route, JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out _))
            return JsonValue.Create("no-such-value");
        if (schema.TryGetProperty("items", out var items) && UnknownEnumValue(route, route.Resolve(items)) is { } item)
            return new JsonArray(item);
        if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object
            && UnknownEnumValue(route, route.Resolve(values)) is { } value)
            return new JsonObject { ["teams"] = value };
        return null;
    }
}
