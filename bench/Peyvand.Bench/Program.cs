using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// A small, bounded load client for a running Peyvand (loopback only). It drives a mixed workload over the API and
// prints throughput and latency percentiles. Usage:
//   dotnet run -c Release --project bench/Peyvand.Bench -- --url http://127.0.0.1:5080 --key pvk_… [--seconds 10] [--concurrency 8]
var options = Options.Parse(args);
if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
{
    Console.Error.WriteLine("error: --url must be a loopback address (load is only ever sent to this machine)");
    return 2;
}

using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);

// Seed a little data so reads have something to read.
var ids = new List<Guid>();
for (var i = 0; i < 20; i++)
{
    var created = await http.PostAsJsonAsync("/api/v1/teams", new { name = $"bench {i} {Guid.NewGuid():N}" });
    created.EnsureSuccessStatusCode();
    ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
}

var samples = new List<(string Operation, double Ms, bool Ok)>();
var gate = new object();
var stop = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Concurrency).Select(async worker =>
{
    var random = new Random(worker);
    while (stop.Elapsed.TotalSeconds < options.Seconds)
    {
        var roll = random.Next(100);
        var id = ids[random.Next(ids.Count)];
        var (name, request) = roll switch
        {
            < 40 => ("get team", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/teams/{id}")),
            < 75 => ("list teams", new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams?limit=50")),
            < 85 => ("search teams", new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams?q=bench%201")),
            < 95 => ("create team", new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams") { Content = JsonContent.Create(new { name = $"bench {Guid.NewGuid():N}" }) }),
            _ => ("update team", new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/teams/{id}") { Content = JsonContent.Create(new { description = $"touched {random.Next()}" }) }),
        };
        var watch = Stopwatch.StartNew();
        bool ok;
        try
        {
            using var response = await http.SendAsync(request);
            ok = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            ok = false;
        }
        lock (gate)
            samples.Add((name, watch.Elapsed.TotalMilliseconds, ok));
    }
}).ToList();
await Task.WhenAll(workers);
var elapsed = stop.Elapsed.TotalSeconds;

Console.WriteLine($"{"operation",-14} {"count",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
foreach (var group in samples.GroupBy(s => s.Operation).OrderBy(g => g.Key).Append(samples.GroupBy(_ => "all").Single()))
{
    var sorted = group.Select(s => s.Ms).Order().ToArray();
    double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{group.Key,-14} {sorted.Length,7} {sorted.Length / elapsed,8:F1} {P(0.50),8:F2} {P(0.95),8:F2} {P(0.99),8:F2} {group.Count(s => !s.Ok),7}"));
}
return samples.Any(s => !s.Ok) ? 1 : 0;

internal sealed record Options(string Url, string Key, int Seconds, int Concurrency)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, $"--{name}");
            return i >= 0 && i + 1 < args.Length ? args[i + 1]
                : fallback ?? throw new ArgumentException($"missing --{name}");
        }
        return new Options(Get("url", "http://127.0.0.1:5080"), Get("key"),
            int.Parse(Get("seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Get("concurrency", "8"), CultureInfo.InvariantCulture));
    }
}
