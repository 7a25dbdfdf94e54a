using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Peyvand.Bench;

/// <summary>
/// Issue 5.5: what the published batch sizes cost at their limit. Tags 10,000 contacts through bulk requests of the
/// largest allowed size (1,000 ids), exports exactly that view as CSV and XLSX (the 10,000-row export limit), then
/// removes the tag again the same way, so the organisation is left as it was.
/// </summary>
public static class Limits
{
    private const int BulkSize = 1000;
    private const int Rows = 10_000;

    public static async Task<bool> RunAsync(HttpClient http, int appPid, TextWriter output, CancellationToken ct)
    {
        var tag = $"bench-limits-{Environment.ProcessId}";
        var ids = await FirstIdsAsync(http, Rows, ct);
        var results = new List<(string Operation, double Milliseconds, string Detail)>();
        var failed = false;

        foreach (var batch in ids.Chunk(BulkSize))
            failed |= !await BulkAsync(http, "bulk addTag ×1000", batch, "addTag", tag, results, ct);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var rssBefore = Load.Rss(appPid);
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v1/contacts/export?format={format}&tag={tag}&lang=fa", ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            failed |= !response.IsSuccessStatusCode;
            results.Add(($"export {format} ×{ids.Count}", watch.Elapsed.TotalMilliseconds,
                string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode}, {bytes.Length / 1048576.0:F1} MiB, app RSS {rssBefore / 1048576.0:F0} → {Load.Rss(appPid) / 1048576.0:F0} MiB")));
        }
        foreach (var batch in ids.Chunk(BulkSize))
            failed |= !await BulkAsync(http, "bulk removeTag ×1000", batch, "removeTag", tag, results, ct);

        output.WriteLine($"{"operation",-22} {"count",5} {"p50 ms",9} {"max ms",9}  detail");
        foreach (var group in results.GroupBy(r => r.Operation))
        {
            var times = group.Select(r => r.Milliseconds).Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-22} {times.Length,5} {times[(times.Length - 1) / 2],9:F0} {times[^1],9:F0}  {group.Last().Detail}"));
        }
        return !failed;
    }

    private static async Task<bool> BulkAsync(HttpClient http, string operation, Guid[] ids, string action, string tag,
        List<(string, double, string)> results, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/api/v1/contacts/bulk", new { ids, action, value = tag }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        results.Add((operation, watch.Elapsed.TotalMilliseconds, $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 80)]}"));
        return response.IsSuccessStatusCode;
    }

    // The newest contacts, paged through the list's keyset cursor 200 at a time.
    private static async Task<List<Guid>> FirstIdsAsync(HttpClient http, int count, CancellationToken ct)
    {
        var ids = new List<Guid>(count);
        string? cursor = null;
        while (ids.Count < count)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/api/v1/contacts?limit=200&sort=-createdAt{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", ct);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (page.GetProperty("nextCursor").ValueKind != JsonValueKind.String)
                break;
            cursor = page.GetProperty("nextCursor").GetString();
        }
        return ids.Take(count).ToList();
    }

}
