using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Peyvand.Bench;

/// <summary>
/// Issue 5.3: the mixed workload for a long run, reported minute by minute so that a leak or a slow collapse shows as
/// a trend: throughput, latency, errors, the app's resident memory and how many database connections it holds.
/// </summary>
public static class Soak
{
    public static async Task<bool> RunAsync(Scenarios scenarios, int concurrency, TimeSpan duration, TimeSpan interval, int appPid,
        NpgsqlDataSource database, TextWriter output)
    {
        output.WriteLine($"{"minute",6} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"5xx",5} {"RSS MiB",8} {"db conns",9}");
        var rows = new List<(OperationStats Total, long Rss, int Connections)>();
        var all = new List<OperationStats>();
        var clock = Stopwatch.StartNew();
        for (var window = 1; clock.Elapsed < duration - TimeSpan.FromSeconds(1); window++)
        {
            var length = duration - clock.Elapsed < interval ? duration - clock.Elapsed : interval;
            using var sampling = new CancellationTokenSource();
            var connections = PeakConnectionsAsync(database, sampling.Token);
            var report = await Load.RunAsync(concurrency, length, scenarios.MixedAsync, appPid, seed: window);
            await sampling.CancelAsync();
            (OperationStats Total, long Rss, int Connections) row = (report.Total, Load.Rss(appPid), await connections);
            rows.Add(row);
            all.AddRange(report.Operations.Where(o => o.Operation != "all"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{window,6} {row.Total.PerSecond,8:F1} {row.Total.P50,8:F1} {row.Total.P95,8:F1} {row.Total.P99,8:F1} {row.Total.Errors,7} {row.Total.ServerErrors,5} {row.Rss / 1048576.0,8:F0} {row.Connections,9}"));
        }
        // Growth is measured from the end of the first window (the app warm, its pools and caches filled) to the end.
        var first = rows[0].Rss;
        var last = rows[^1].Rss;
        var growth = (last - first) * 100.0 / first;
        var serverErrors = rows.Sum(r => r.Total.ServerErrors);
        var errors = rows.Sum(r => r.Total.Errors);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests {rows.Sum(r => r.Total.Count)}, errors {errors}, 5xx {serverErrors}; RSS {first / 1048576.0:F0} → {last / 1048576.0:F0} MiB ({growth:+0.0;-0.0} %, peak {rows.Max(r => r.Rss) / 1048576.0:F0}); most database connections {rows.Max(r => r.Connections)}"));
        foreach (var operation in all.GroupBy(o => o.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {operation.Key,-16} {operation.Sum(o => o.Count),8} requests, worst minute p95 {operation.Max(o => o.P95),8:F1} ms, 5xx {operation.Sum(o => o.ServerErrors)}"));
        return serverErrors == 0 && growth < 10;
    }


    // The app's connections to the benchmark database (every other session but this one), sampled each second.
    private static async Task<int> PeakConnectionsAsync(NpgsqlDataSource database, CancellationToken stop)
    {
        var peak = 0;
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (int)(await command.ExecuteScalarAsync(CancellationToken.None))!);
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return peak;
    }
}
