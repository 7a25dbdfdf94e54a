using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Peyvand.Bench;
using Peyvand.Kernel.Data;

// A bounded load client for a running Peyvand on this machine (loopback only). bench/run.sh starts the app and calls it:
//   Peyvand.Bench lists  --url U --key K [--seconds 20] [--concurrency 4] [--filter "cf.x=y"]   first page, filtered list, search, count by stage, overview
//   Peyvand.Bench mixed  --url U --key K [--seconds 60] [--concurrency 8] [--pid APP_PID]        the mixed CRM workload
//   Peyvand.Bench soak   --url U --key K --pid APP_PID --postgres CS [--seconds 600] [--warmup 120]  mixed, minute by minute
//   Peyvand.Bench limits --url U --key K --pid APP_PID                                          bulk ×1000 and 10,000-row exports
//   Peyvand.Bench ratio  --url U --key K --postgres CS [--seconds 8] [--rounds 5] [--concurrency 8] [--warmup 45]  GET /contacts/{id}
//                        vs raw Npgsql, in rounds of phases of --seconds each: raw (the app's statement), the app through HttpClient, the app
//                        and the floor (bare ASP.NET Core + the raw read, on the next port) through wrk (when it is installed),
//                        the lean raw read
if (args is ["floor", ..])
{
    // Started by the ratio scenario in a process of its own (Floor.StartAsync).
    var floorOptions = new Options(args[1..]);
    await Floor.ServeAsync(floorOptions.Get("postgres"), Guid.Parse(floorOptions.Get("tenant")), new Uri(floorOptions.Get("url")));
    return 0;
}
if (args.Length == 0 || args[0] is not ("lists" or "mixed" or "soak" or "limits" or "ratio"))
{
    Console.Error.WriteLine("usage: Peyvand.Bench lists|mixed|soak|limits|ratio --url URL --key KEY [--seconds N] [--concurrency N] [--pid PID] [--postgres CS] [--filter QUERY] [--warmup SECONDS] [--rounds N]");
    return 2;
}
var options = new Options(args[1..]);
if (!Uri.TryCreate(options.Get("url", "http://127.0.0.1:5080"), UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
{
    Console.Error.WriteLine("error: --url must be a loopback address (load is only ever sent to this machine)");
    return 2;
}
var seconds = TimeSpan.FromSeconds(options.Int("seconds", args[0] switch { "mixed" => 60, "soak" => 600, "ratio" => 8, _ => 20 }));
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
        // The raw read: the app's statement on the app's connection settings (prepared statements, no reset on close).
        // The lean read: the bare row on Npgsql's defaults, the baseline until ADR 0014, kept for comparison with it.
        await using var database = NpgsqlDataSource.Create(DatabaseSettings.Tuned(options.Get("postgres")));
        await using var plainDatabase = NpgsqlDataSource.Create(options.Get("postgres"));
        var tenantId = await RawContactRead.TenantOfAsync(database, fixture.ContactIds[0]);
        var raw = RawContactRead.AsTheApp(database, tenantId);
        var lean = RawContactRead.Lean(plainDatabase);
        // The floor listens on the next port; it runs only when wrk drives it.
        var floorUri = new UriBuilder(baseUri) { Port = baseUri.Port + 1 }.Uri;
        var wrk = Wrk.Find();
        using var floor = wrk is null ? null : await Floor.StartAsync(options.Get("postgres"), tenantId, fixture.ContactIds[0], floorUri);
        try
        {
            // A long warm-up by default: a freshly started app spends most of its first minute JIT-compiling (tiered
            // compilation recompiles hot methods with profile data), which would be counted as the requests' cost.
            await Load.RunAsync(concurrency, TimeSpan.FromSeconds(5), raw.Step(fixture.ContactIds));
            await Load.RunAsync(concurrency, TimeSpan.FromSeconds(2), lean.Step(fixture.ContactIds));
            if (wrk is not null)
                await Wrk.ReadContactsAsync(wrk, floorUri, options.Get("key"), fixture.ContactIds, concurrency, TimeSpan.FromSeconds(15));
            await Load.RunAsync(concurrency, TimeSpan.FromSeconds(options.Int("warmup", 45)), scenarios.ReadContactAsync);
            failed = !await Ratio.RunAsync(scenarios, new Ratio.Sides(raw, lean, floor is null ? null : floorUri, floor?.Id),
                () => AllocatedBytesAsync(http), baseUri, options.Get("key"), fixture.ContactIds, concurrency, seconds, options.Int("rounds", 5), pid, Console.Out);
        }
        finally
        {
            floor?.Kill();
        }
        break;
    }
}
return failed ? 1 : 0;

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

// Kestrel (the floor) brings ASP.NET Core's generator that makes a top-level Program public; the tests see the web app's.
internal sealed partial class Program;
