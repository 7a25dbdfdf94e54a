using System.Text.Json;

namespace Peyvand.Tests.Infrastructure;

/// <summary>A route of the published OpenAPI document, so tests can cover every route, including future ones.</summary>
public sealed record ApiRoute(string Method, string Path, JsonElement Operation, JsonElement Document)
{
    public bool HasId => Path.Contains("{id}", StringComparison.Ordinal);

    /// <summary>The resource collection a route belongs to: "/api/v1/teams/{id}/restore" → "teams".</summary>
    public string Collection => Path["/api/v1/".Length..].Split('/')[0];

    public string Url(Guid id) => Path.Replace("{id}", id.ToString(), StringComparison.Ordinal);

    public bool IsWrite => Method is "POST" or "PATCH" or "PUT";

    /// <summary>Creates and updates take a body; actions on a record (POST …/{id}/restore) do not.</summary>
    /// <summary>Creates (POST to a collection) and changes take a body; actions such as …/{id}/restore or …/calendar-feed do not.</summary>
    public bool TakesBody => Method is "PATCH" or "PUT" || (Method == "POST" && Path.TrimEnd('/') == $"/api/v1/{Collection}");

    /// <summary>The JSON request body schema, with $refs resolved, or null when the route takes no body.</summary>
    public JsonElement? BodySchema =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").EnumerateObject().FirstOrDefault() is { Value: var content }
            && content.ValueKind == JsonValueKind.Object && content.TryGetProperty("schema", out var schema)
            ? Resolve(schema) : null;

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = Document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    public override string ToString() => $"{Method} {Path}";

    public static async Task<IReadOnlyList<ApiRoute>> ReadAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var routes = new List<ApiRoute>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "patch" or "put" or "delete")
                    routes.Add(new ApiRoute(operation.Name.ToUpperInvariant(), path.Name, operation.Value, document));
            }
        }
        return routes;
    }
}
