using System.Globalization;

namespace Peyvand.Bench;

/// <summary>
/// Issue 5.2: GET /api/v1/contacts/{id} against the same read straight through Npgsql: the app's statement on the app's
/// connection settings (ADR 0014). The sides run in rounds of short phases back to back, and each round gives its own
/// ratio: this machine's speed drifts by a third from minute to minute (a shared VM), and a ratio of two phases minutes
/// apart would measure the drift (ADR 0012). The median of the rounds is the figure; the totals are printed too.
/// A round's phases: the raw read; the app through HttpClient; with wrk installed, the app through wrk and the floor
/// (bare ASP.NET Core doing only the raw read, <see cref="Floor"/>) through wrk; and the lean raw read (the bare row on
/// Npgsql's defaults, the baseline before ADR 0014) for comparison with earlier figures.
/// </summary>
public static class Ratio
{
    private sealed record Round(double Raw, double Lean, double App, double? Wrk, double? Floor, double AppP50, double AppP99);

    public sealed record Sides(RawContactRead Raw, RawContactRead Lean, Uri? FloorUri, int? FloorPid);

    public static async Task<bool> RunAsync(
        Scenarios scenarios, Sides sides, Func<Task<double?>> appAllocatedBytes, Uri baseUri, string key, IReadOnlyList<Guid> ids,
        int concurrency, TimeSpan phase, int rounds, int? appPid, TextWriter output)
    {
        var wrk = Wrk.Find();
        var floor = sides.FloorUri; // set only when wrk is there to drive it
        var results = new List<Round>();
        TimeSpan rawCpu = default, httpCpu = default, appCpuHttp = default, appCpuWrk = default, wrkCpu = default, floorCpu = default;
        long rawCount = 0, leanCount = 0, appCount = 0, wrkCount = 0, floorCount = 0, errors = 0;
        var allocatedBefore = await appAllocatedBytes();
        long? peakRss = null;
        for (var round = 0; round < rounds; round++)
        {
            var clientCpu = CpuTime.OfThisProcess();
            var rawReport = await Load.RunAsync(concurrency, phase, sides.Raw.Step(ids), seed: round + 1);
            rawCpu += CpuTime.OfThisProcess() - clientCpu;

            clientCpu = CpuTime.OfThisProcess();
            var appBefore = Cpu(appPid);
            var appReport = await Load.RunAsync(concurrency, phase, scenarios.ReadContactAsync, appPid, seed: round + 1);
            appCpuHttp += Cpu(appPid) - appBefore;
            httpCpu += CpuTime.OfThisProcess() - clientCpu;
            peakRss = Math.Max(peakRss ?? 0, appReport.PeakRssBytes ?? 0);

            Wrk.Result? driven = null, floored = null;
            if (wrk is not null)
            {
                appBefore = Cpu(appPid);
                driven = await Wrk.ReadContactsAsync(wrk, baseUri, key, ids, concurrency, phase);
                appCpuWrk += Cpu(appPid) - appBefore;
                wrkCpu += driven.ToolCpu;
                wrkCount += driven.Requests;
                errors += driven.Non2xx;
            }
            if (floor is not null)
            {
                var floorBefore = Cpu(sides.FloorPid);
                floored = await Wrk.ReadContactsAsync(wrk!, floor, key, ids, concurrency, phase);
                floorCpu += Cpu(sides.FloorPid) - floorBefore;
                floorCount += floored.Requests;
                errors += floored.Non2xx;
            }
            var leanReport = await Load.RunAsync(concurrency, phase, sides.Lean.Step(ids), seed: round + 1);
            rawCount += rawReport.Total.Count;
            leanCount += leanReport.Total.Count;
            appCount += appReport.Total.Count;
            errors += rawReport.Total.Errors + appReport.Total.Errors + leanReport.Total.Errors;
            results.Add(new Round(rawReport.Total.PerSecond, leanReport.Total.PerSecond, appReport.Total.PerSecond, driven?.PerSecond,
                floored?.PerSecond, appReport.Total.P50, appReport.Total.P99));
        }
        var allocatedAfter = await appAllocatedBytes();
        // Less what one scrape of /metrics allocates itself (the difference of two scrapes in a row).
        var allocated = allocatedAfter - allocatedBefore - (await appAllocatedBytes() - allocatedAfter);

        output.WriteLine(Invariant($"{"round",5} {"raw reads/s",12} {"app req/s",10} {"ratio",6} {"p50 ms",7} {"p99 ms",7} {"wrk req/s",10} {"ratio",6} {"floor req/s",12} {"ratio",6} {"lean reads/s",12}"));
        foreach (var (r, i) in results.Select((r, i) => (r, i + 1)))
            output.WriteLine(Invariant($"{i,5} {r.Raw,12:F0} {r.App,10:F0} {r.App / r.Raw,6:F2} {r.AppP50,7:F2} {r.AppP99,7:F2} {Figure(r.Wrk),10} {Figure(r.Wrk / r.Raw, "F2"),6} {Figure(r.Floor),12} {Figure(r.Floor / r.Raw, "F2"),6} {r.Lean,12:F0}"));
        output.WriteLine(Invariant($"app ÷ raw, median of {rounds} rounds = {Median(results.Select(r => r.App / r.Raw)):F2} through HttpClient")
            + (wrk is null ? "; wrk: not installed (apt-get install wrk)" : Invariant($", {Median(results.Select(r => r.Wrk!.Value / r.Raw)):F2} through wrk") + " (target ≥ 0.5)"));
        if (floor is not null)
            output.WriteLine(Invariant($"floor (bare ASP.NET Core + the raw read) ÷ raw = {Median(results.Select(r => r.Floor!.Value / r.Raw)):F2}; app ÷ floor = {Median(results.Select(r => r.Wrk!.Value / r.Floor!.Value)):F2} (both through wrk)"));
        output.WriteLine(Invariant($"against the lean read (bare row, Npgsql's defaults, the baseline before ADR 0014): {Median(results.Select(r => r.App / r.Lean)):F2} through HttpClient")
            + (wrk is null ? "" : Invariant($", {Median(results.Select(r => r.Wrk!.Value / r.Lean)):F2} through wrk")));
        var seconds = phase.TotalSeconds * rounds;
        output.WriteLine(Invariant($"totals: raw {rawCount / seconds:F0} reads/s (lean {leanCount / seconds:F0}), app {appCount / seconds:F0} req/s (HttpClient)")
            + (wrk is null ? "" : Invariant($", {wrkCount / seconds:F0} req/s (wrk)")) + (floor is null ? "" : Invariant($", floor {floorCount / seconds:F0} req/s (wrk)"))
            + $"; {errors} errors; app peak RSS {(peakRss ?? 0) / 1024.0 / 1024.0:F0} MiB");
        output.WriteLine(Invariant($"CPU per request: raw read (client, Npgsql) {Micros(rawCpu, rawCount)} µs; app {(appPid is null ? "?" : Micros(appCpuHttp, appCount))} µs, its HTTP client {Micros(httpCpu, appCount)} µs")
            + (wrk is null ? "" : Invariant($"; driven by wrk: app {(appPid is null ? "?" : Micros(appCpuWrk, wrkCount))} µs, wrk {Micros(wrkCpu, wrkCount)} µs"))
            + (floor is null ? "" : Invariant($"; floor {(sides.FloorPid is null ? "?" : Micros(floorCpu, floorCount))} µs")));
        output.WriteLine("app allocations per request: " + (allocated is { } bytes && appCount + wrkCount > 0
            ? Invariant($"{bytes / 1024.0 / (appCount + wrkCount):F1} KB") : "?") + " (dotnet.gc.heap.total_allocated from /metrics over all rounds, less one scrape's own)");
        return errors == 0;
    }

    private static TimeSpan Cpu(int? pid) => pid is { } p ? CpuTime.OfProcess(p) ?? TimeSpan.Zero : TimeSpan.Zero;

    private static string Figure(double? value, string format = "F0") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Micros(TimeSpan cpu, long requests) =>
        requests == 0 ? "?" : (cpu.TotalMicroseconds / requests).ToString("F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
