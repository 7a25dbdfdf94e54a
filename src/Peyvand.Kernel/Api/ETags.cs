using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Peyvand.Kernel.Api;

/// <summary>ETags are the row's concurrency version: a stale If-Match becomes a 412 before anything is written.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The version the client expects, or null when it sent no If-Match (or "*").</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
            return null;
        if (EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
            return version;
        throw new ConcurrencyException(ApiText.IfMatchInvalid);
    }

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);
}
