using System.Globalization;

namespace Peyvand.Bench;

/// <summary>
/// Issue 5.2: GET /api/v1/contacts/{id} against the same read straight through Npgsql. The two sides run in rounds of
/// short phases back to back (raw, app through HttpClient, app through wrk), and each round gives its own ratio: this
/// machine's speed drifts by a third from minute to minute (a shared VM), and a ratio of two phases minutes apart would
/// measure the drift. The median of the rounds is the figure; the totals are printed too.
/// </summary>
public static class Ratio
{
    private sealed record Round(double Raw, double App, double? Wrk, double AppP50, double AppP99);

    public static async Task<bool> RunAsync(
        Scenarios scenarios, RawContactRead raw, Func<Task<double?>> appAllocatedBytes, Uri baseUri, string key, IReadOnlyList<Guid> ids,
        int concurrency, TimeSpan phase, int rounds, int? appPid, TextWriter output)
    {
        var wrk = Wrk.Find();
        var results = new List<Round>();
        TimeSpan rawCpu = default, httpCpu = default, appCpuHttp = default, appCpuWrk = default, wrkCpu = default;
        long rawCount = 0, appCount = 0, wrkCount = 0, errors = 0;
        var allocatedBefore = await appAllocatedBytes();
        long? peakRss = null;
        for (var round = 0; round < rounds; round++)
        {
            var clientCpu = CpuTime.OfThisProcess();
            var rawReport = await Load.RunAsync(concurrency, phase, raw.ReadAsync, seed: round + 1);
            rawCpu += CpuTime.OfThisProcess() - clientCpu;

            clientCpu = CpuTime.OfThisProcess();
            var appBefore = AppCpu(appPid);
            var appReport = await Load.RunAsync(concurrency, phase, scenarios.ReadContactAsync, appPid, seed: round + 1);
            appCpuHttp += AppCpu(appPid) - appBefore;
            httpCpu += CpuTime.OfThisProcess() - clientCpu;
            peakRss = Math.Max(peakRss ?? 0, appReport.PeakRssBytes ?? 0);

            Wrk.Result? driven = null;
            if (wrk is not null)
            {
                appBefore = AppCpu(appPid);
                driven = await Wrk.ReadContactsAsync(wrk, baseUri, key, ids, concurrency, phase);
                appCpuWrk += AppCpu(appPid) - appBefore;
                wrkCpu += driven.ToolCpu;
                wrkCount += driven.Requests;
                errors += driven.Non2xx;
            }
            rawCount += rawReport.Total.Count;
            appCount += appReport.Total.Count;
            errors += rawReport.Total.Errors + appReport.Total.Errors;
            results.Add(new Round(rawReport.Total.PerSecond, appReport.Total.PerSecond, driven?.PerSecond, appReport.Total.P50, appReport.Total.P99));
        }
        var allocatedAfter = await appAllocatedBytes();
        // Less what one scrape of /metrics allocates itself (the difference of two scrapes in a row).
        var allocated = allocatedAfter - allocatedBefore - (await appAllocatedBytes() - allocatedAfter);

        output.WriteLine(Invariant($"{"round",5} {"raw reads/s",12} {"app req/s",10} {"ratio",6} {"p50 ms",7} {"p99 ms",7} {"wrk req/s",10} {"ratio",6}"));
        foreach (var (r, i) in results.Select((r, i) => (r, i + 1)))
            output.WriteLine(Invariant($"{i,5} {r.Raw,12:F0} {r.App,10:F0} {r.App / r.Raw,6:F2} {r.AppP50,7:F2} {r.AppP99,7:F2} {(r.Wrk is { } w ? w.ToString("F0", CultureInfo.InvariantCulture) : "-"),10} {(r.Wrk is { } v ? (v / r.Raw).ToString("F2", CultureInfo.InvariantCulture) : "-"),6}"));
        output.WriteLine(Invariant($"app ÷ raw, median of {rounds} rounds = {Median(results.Select(r => r.App / r.Raw)):F2} through HttpClient")
            + (wrk is null ? "; wrk: not installed (apt-get install wrk)" : Invariant($", {Median(results.Select(r => r.Wrk!.Value / r.Raw)):F2} through wrk") + " (target ≥ 0.5)"));
        var seconds = phase.TotalSeconds * rounds;
        output.WriteLine(Invariant($"totals: raw {rawCount / seconds:F0} reads/s, app {appCount / seconds:F0} req/s (HttpClient)")
            + (wrk is null ? "" : Invariant($", {wrkCount / seconds:F0} req/s (wrk)")) + $"; {errors} errors; app peak RSS {(peakRss ?? 0) / 1024.0 / 1024.0:F0} MiB");
        output.WriteLine(Invariant($"CPU per request: raw read (client, Npgsql) {Micros(rawCpu, rawCount)} µs; app {(appPid is null ? "?" : Micros(appCpuHttp, appCount))} µs, its HTTP client {Micros(httpCpu, appCount)} µs")
            + (wrk is null ? "" : Invariant($"; driven by wrk: app {(appPid is null ? "?" : Micros(appCpuWrk, wrkCount))} µs, wrk {Micros(wrkCpu, wrkCount)} µs")));
        output.WriteLine("app allocations per request: " + (allocated is { } bytes && appCount + wrkCount > 0
            ? Invariant($"{bytes / 1024.0 / (appCount + wrkCount):F1} KB") : "?") + " (dotnet.gc.heap.total_allocated from /metrics over all rounds, less one scrape's own)");
        return errors == 0;
    }

    private static TimeSpan AppCpu(int? pid) => pid is { } p ? CpuTime.OfProcess(p) ?? TimeSpan.Zero : TimeSpan.Zero;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Micros(TimeSpan cpu, long requests) =>
        requests == 0 ? "?" : (cpu.TotalMicroseconds / requests).ToString("F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
