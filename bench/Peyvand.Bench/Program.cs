using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Peyvand.Bench;

// A bounded load client for a running Peyvand on this machine (loopback only). bench/run.sh starts the app and calls it:
//   Peyvand.Bench lists  --url U --key K [--seconds 20] [--concurrency 4] [--filter "cf.x=y"]   first page, filtered list, search
//   Peyvand.Bench mixed  --url U --key K [--seconds 60] [--concurrency 8] [--pid APP_PID]        the mixed CRM workload
//   Peyvand.Bench ratio  --url U --key K --postgres CS [--seconds 20] [--concurrency 8]          GET /contacts/{id} vs raw Npgsql
if (args.Length == 0 || args[0] is not ("lists" or "mixed" or "ratio"))
{
    Console.Error.WriteLine("usage: Peyvand.Bench lists|mixed|ratio --url URL --key KEY [--seconds N] [--concurrency N] [--pid PID] [--postgres CS] [--filter QUERY]");
    return 2;
}
var options = new Options(args[1..]);
if (!Uri.TryCreate(options.Get("url", "http://127.0.0.1:5080"), UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
{
    Console.Error.WriteLine("error: --url must be a loopback address (load is only ever sent to this machine)");
    return 2;
}
var seconds = TimeSpan.FromSeconds(options.Int("seconds", args[0] == "mixed" ? 60 : 20));
var concurrency = options.Int("concurrency", args[0] == "lists" ? 4 : 8);
int? pid = options.Has("pid") ? options.Int("pid", 0) : null;

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
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

    case "ratio":
    {
        await using var database = NpgsqlDataSource.Create(options.Get("postgres"));
        var raw = new RawContactRead(database, fixture.ContactIds);
        await Load.RunAsync(2, TimeSpan.FromSeconds(2), raw.ReadAsync);
        await Load.RunAsync(2, TimeSpan.FromSeconds(2), scenarios.ReadContactAsync);
        var rawReport = await Load.RunAsync(concurrency, seconds, raw.ReadAsync);
        var appReport = await Load.RunAsync(concurrency, seconds, scenarios.ReadContactAsync, pid);
        Console.WriteLine(rawReport.ToTable());
        Console.WriteLine(appReport.ToTable());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"app ÷ raw = {appReport.Total.PerSecond:F0} ÷ {rawReport.Total.PerSecond:F0} = {appReport.Total.PerSecond / rawReport.Total.PerSecond:F2} (target ≥ 0.5)"));
        failed = appReport.Total.Errors + rawReport.Total.Errors > 0;
        break;
    }
}
return failed ? 1 : 0;

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
