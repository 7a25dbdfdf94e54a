using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Peyvand.Bench;

/// <summary>
/// The app side of the ratio driven by wrk (Debian package <c>wrk</c>) instead of this client's HttpClient. wrk spends a
/// fraction of HttpClient's CPU per request, so on a small machine, where the load tool shares the cores with the app
/// and PostgreSQL, it leaves more of them to the app: the figure then says more about the app and less about the tool.
/// </summary>
public static partial class Wrk
{
    public sealed record Result(double PerSecond, long Requests, long Non2xx, string Latency, TimeSpan ToolCpu);

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);

    /// <summary>GET /api/v1/contacts/{random id} with the key, over <paramref name="connections"/> connections on one wrk thread.</summary>
    public static async Task<Result> ReadContactsAsync(string wrk, Uri baseUri, string key, IReadOnlyList<Guid> ids, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"peyvand-ratio-{Environment.ProcessId}.lua");
        var lua = new StringBuilder();
        lua.Append("wrk.headers[\"Authorization\"] = \"Bearer ").Append(key).Append("\"\nlocal ids = {");
        lua.AppendJoin(',', ids.Select(id => $"\"{id}\"")).Append("}\n");
        lua.Append("request = function() return wrk.format(\"GET\", \"/api/v1/contacts/\" .. ids[math.random(#ids)]) end\n");
        await File.WriteAllTextAsync(script, lua.ToString());
        try
        {
            var start = new ProcessStartInfo(wrk)
            {
                ArgumentList = { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, baseUri.ToString() },
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            // wrk's own CPU, sampled while it runs (its /proc entry is gone once it exits): misses at most the last half second.
            var cpu = TimeSpan.Zero;
            while (!process.HasExited)
            {
                cpu = CpuTime.OfProcess(process.Id) ?? cpu;
                await Task.Delay(500);
            }
            var text = await output;
            return new Result(
                Number(RatePattern(), text), (long)Number(RequestsPattern(), text),
                NonSuccessPattern().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                string.Join(", ", PercentilePattern().Matches(text).Select(p => $"p{p.Groups[1].Value} {p.Groups[2].Value}")), cpu);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Number(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"unexpected wrk output:\n{text}");

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessPattern();

    [GeneratedRegex(@"^\s+(50|90|99)%\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex PercentilePattern();
}
