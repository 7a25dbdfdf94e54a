using System.Net.Http.Headers;
using System.Text;

namespace Peyvand.Tests.Infrastructure;

public static class HttpRequests
{
    /// <summary>Sends <paramref name="body"/> exactly as given (malformed or not), with optional conditional and idempotency headers.</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, string method, string url, string? body = null, string contentType = "application/json",
        string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object patch, string? ifMatch = null) =>
        client.SendRawAsync("PATCH", url, System.Text.Json.JsonSerializer.Serialize(patch), "application/merge-patch+json", ifMatch);

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string? ifMatch) =>
        client.SendRawAsync("DELETE", url, ifMatch: ifMatch);

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();
}

public static class Listing
{
    /// <summary>Follows nextCursor from the first page to the last, returning every item's id in order.</summary>
    public static async Task<List<Guid>> ListAllIdsAsync(this HttpClient client, string path, int limit)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1000, $"{path} never reached its last page.");
            var url = $"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var response = await client.GetAsync(url);
            await response.ShouldHaveAsync(System.Net.HttpStatusCode.OK);
            var page = await response.JsonAsync();
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.True(items.Count <= limit, $"{url} gave {items.Count} items, more than the limit.");
            ids.AddRange(items);
            var next = page.GetProperty("nextCursor");
            if (next.ValueKind == System.Text.Json.JsonValueKind.Null)
                return ids;
            cursor = next.GetString();
        }
    }
}
