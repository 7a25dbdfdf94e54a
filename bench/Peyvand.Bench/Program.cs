using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Peyvand.Bench;

// A bounded load client for a running Peyvand on this machine (loopback only). bench/run.sh starts the app and calls it:
//   Peyvand.Bench lists  --url U --key K [--seconds 20] [--concurrency 4] [--filter "cf.x=y"]   first page, filtered list, search
//   Peyvand.Bench mixed  --url U --key K [--seconds 60] [--concurrency 8] [--pid APP_PID]        the mixed CRM workload
//   Peyvand.Bench soak   --url U --key K --pid APP_PID --postgres CS [--seconds 600] [--warmup 120]  mixed, minute by minute
//   Peyvand.Bench limits --url U --key K --pid APP_PID                                          bulk ×1000 and 10,000-row exports
//   Peyvand.Bench ratio  --url U --key K --postgres CS [--seconds 20] [--concurrency 8] [--warmup 45]  GET /contacts/{id} vs raw Npgsql
//                        (the app side twice: through HttpClient, then through wrk when it is installed)
if (args.Length == 0 || args[0] is not ("lists" or "mixed" or "soak" or "limits" or "ratio"))
{
    Console.Error.WriteLine("usage: Peyvand.Bench lists|mixed|soak|limits|ratio --url URL --key KEY [--seconds N] [--concurrency N] [--pid PID] [--postgres CS] [--filter QUERY] [--warmup SECONDS]");
    return 2;
}
var options = new Options(args[1..]);
if (!Uri.TryCreate(options.Get("url", "http://127.0.0.1:5080"), UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
{
    Console.Error.WriteLine("error: --url must be a loopback address (load is only ever sent to this machine)");
    return 2;
}
var seconds = TimeSpan.FromSeconds(options.Int("seconds", args[0] switch { "mixed" => 60, "soak" => 600, _ => 20 }));
var concurrency = options.Int("concurrency", args[0] == "lists" ? 4 : 8);
int? pid = options.Has("pid") ? options.Int("pid", 0) : null;

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(args[0] == "limits" ? 300 : 30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Get("key"));
var fixture = await Fixture.LoadAsync(http, CancellationToken.None);
var scenarios = new Scenarios(http, fixture, options.Has("filter") ? options.Get("filter") : null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"# {args[0]} against {baseUri}, {concurrency} workers, {seconds.TotalSeconds:F0} s per phase, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));

var failed = false;
switch (args[0])
{
    case "lists":
        foreach (var (name, step) in scenarios.ListQueries())
        {
            await Load.RunAsync(1, TimeSpan.FromSeconds(2), step); // warm-up: plans cached, pages in memory
            var report = await Load.RunAsync(concurrency, seconds, step, pid);
            Console.WriteLine(report.ToTable());
            failed |= report.Total.Errors > 0;
        }
        break;

    case "mixed":
    {
        await Load.RunAsync(2, TimeSpan.FromSeconds(3), scenarios.MixedAsync);
        var report = await Load.RunAsync(concurrency, seconds, scenarios.MixedAsync, pid);
        Console.WriteLine(report.ToTable());
        failed = report.Total.ServerErrors > 0;
        break;
    }

    case "soak":
    {
        // Warm up like production does before the baseline: JIT tiering, connection pools, caches and the GC's heap
        // budgets settle during the first minutes (on a busy machine RSS climbs ~10 % there, then stays flat).
        var warmUp = await Load.RunAsync(concurrency, TimeSpan.FromSeconds(options.Int("warmup", 120)), scenarios.MixedAsync);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.Total.Count} requests, 5xx {warmUp.Total.ServerErrors} (not counted below)"));
        await using var database = NpgsqlDataSource.Create(options.Get("postgres"));
        failed = !await Soak.RunAsync(scenarios, concurrency, seconds, TimeSpan.FromSeconds(60),
            pid ?? throw new ArgumentException("soak needs --pid"), database, Console.Out);
        break;
    }

    case "limits":
        failed = !await Limits.RunAsync(http, pid ?? throw new ArgumentException("limits needs --pid"), Console.Out, CancellationToken.None);
        break;

    case "ratio":
    {
        await using var database = NpgsqlDataSource.Create(options.Get("postgres"));
        var raw = new RawContactRead(database, fixture.ContactIds);
        // A long warm-up by default: a freshly started app spends most of its first minute JIT-compiling (tiered
        // compilation recompiles hot methods with profile data), which would be counted as the requests' cost.
        var warmUp = TimeSpan.FromSeconds(options.Int("warmup", 45));
        await Load.RunAsync(concurrency, TimeSpan.FromSeconds(5), raw.ReadAsync);
        await Load.RunAsync(concurrency, warmUp, scenarios.ReadContactAsync);
        // CPU time per request rather than wall-clock rate: on a shared machine the rate measures the neighbours, the
        // CPU each request costs does not (the raw read's cost is this client's Npgsql work; PostgreSQL's own is alike).
        var clientCpu = CpuTime.OfThisProcess();
        var rawReport = await Load.RunAsync(concurrency, seconds, raw.ReadAsync);
        var rawCpu = CpuTime.OfThisProcess() - clientCpu;
        var appCpu = pid is { } appPid ? CpuTime.OfProcess(appPid) : null;
        var appAllocated = await AllocatedBytesAsync(http);
        clientCpu = CpuTime.OfThisProcess();
        var appReport = await Load.RunAsync(concurrency, seconds, scenarios.ReadContactAsync, pid);
        var httpCpu = CpuTime.OfThisProcess() - clientCpu;
        appCpu = pid is { } samePid && appCpu is { } before ? CpuTime.OfProcess(samePid) - before : null;
        var allocatedAfter = await AllocatedBytesAsync(http);
        // Less what one scrape of /metrics allocates itself (the difference of two scrapes in a row).
        appAllocated = allocatedAfter - appAllocated - (await AllocatedBytesAsync(http) - allocatedAfter);
        Console.WriteLine(rawReport.ToTable());
        Console.WriteLine(appReport.ToTable());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"app ÷ raw = {appReport.Total.PerSecond:F0} ÷ {rawReport.Total.PerSecond:F0} = {appReport.Total.PerSecond / rawReport.Total.PerSecond:F2} (target ≥ 0.5)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per request: raw read (client, Npgsql) {Micros(rawCpu, rawReport.Total.Count)} µs; app {(appCpu is { } cpu ? Micros(cpu, appReport.Total.Count) : "?")} µs, its HTTP client {Micros(httpCpu, appReport.Total.Count)} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"app allocations per request: {(appAllocated is { } bytes && appReport.Total.Count > 0 ? (bytes / 1024.0 / appReport.Total.Count).ToString("F1", CultureInfo.InvariantCulture) : "?")} KB (dotnet.gc.heap.total_allocated from /metrics, less one scrape's own)"));
        failed = appReport.Total.Errors + rawReport.Total.Errors > 0;

        // The same app side again, driven by wrk, whose own CPU per request is a fraction of HttpClient's.
        if (Wrk.Find() is not { } wrk)
        {
            Console.WriteLine("wrk: not installed (apt-get install wrk); the app side above is driven by HttpClient only");
            break;
        }
        var wrkAppCpu = pid is { } wrkPid ? CpuTime.OfProcess(wrkPid) : null;
        var driven = await Wrk.ReadContactsAsync(wrk, baseUri, options.Get("key"), fixture.ContactIds, concurrency, seconds);
        wrkAppCpu = pid is { } wrkPidAfter && wrkAppCpu is { } wrkBefore ? CpuTime.OfProcess(wrkPidAfter) - wrkBefore : null;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"driven by wrk: {driven.PerSecond:F0} req/s ({driven.Latency}), {driven.Non2xx} non-2xx; app ÷ raw = {driven.PerSecond / rawReport.Total.PerSecond:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per request driven by wrk: app {(wrkAppCpu is { } wcpu ? Micros(wcpu, (int)driven.Requests) : "?")} µs, wrk {Micros(driven.ToolCpu, (int)driven.Requests)} µs"));
        failed |= driven.Non2xx > 0;
        break;
    }
}
return failed ? 1 : 0;

static string Micros(TimeSpan cpu, int requests) =>
    requests == 0 ? "?" : (cpu.TotalMicroseconds / requests).ToString("F0", CultureInfo.InvariantCulture);

// The app's total allocated bytes: the runtime's dotnet.gc.heap.total_allocated counter as /metrics exports it (null if absent).
static async Task<double?> AllocatedBytesAsync(HttpClient http)
{
    using var response = await http.GetAsync("/metrics");
    if (!response.IsSuccessStatusCode)
        return null;
    var line = (await response.Content.ReadAsStringAsync()).Split('\n')
        .FirstOrDefault(l => l.StartsWith("system_runtime_dotnet_gc_heap_total_allocated ", StringComparison.Ordinal));
    return line is null ? null : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

internal sealed class Options(string[] args)
{
    public bool Has(string name) => Array.IndexOf(args, $"--{name}") >= 0;

    public string Get(string name, string? fallback = null)
    {
        var i = Array.IndexOf(args, $"--{name}");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"missing --{name}");
    }

    public int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}

/// <summary>User + system CPU time of a process (from /proc on Linux).</summary>
internal static class CpuTime
{
    public static TimeSpan OfThisProcess() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan? OfProcess(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
            return null;
        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
        // 14th field of the line and stime the 15th, in clock ticks (100 a second on Linux).
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
