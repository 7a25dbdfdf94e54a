using System.Diagnostics;
using System.Globalization;

namespace Peyvand.Bench;

/// <summary>One request's outcome: what it was, how long it took, its HTTP status (0 when it never got one).</summary>
public readonly record struct Sample(string Operation, double Milliseconds, int Status)
{
    public bool Ok => Status is >= 200 and < 400;
}

/// <summary>Latency and throughput of one operation (or of all together).</summary>
public sealed record OperationStats(string Operation, int Count, double PerSecond, double P50, double P95, double P99, int Errors, int ServerErrors);

public sealed record LoadReport(TimeSpan Elapsed, IReadOnlyList<OperationStats> Operations, long? PeakRssBytes)
{
    public OperationStats Total => Operations[^1];

    public string ToTable()
    {
        var lines = new List<string> { $"{"operation",-18} {"count",8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"5xx",5}" };
        lines.AddRange(Operations.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.Operation,-18} {o.Count,8} {o.PerSecond,9:F1} {o.P50,8:F2} {o.P95,8:F2} {o.P99,8:F2} {o.Errors,7} {o.ServerErrors,5}")));
        if (PeakRssBytes is { } rss)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"app peak RSS: {rss / 1024.0 / 1024.0:F0} MiB"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send one request after another for the duration
/// (bounded by time, so it can never run away), recording every request's latency.
/// </summary>
public static class Load
{
    /// <param name="step">Sends one request; returns the operation name and HTTP status.</param>
    /// <param name="appPid">When given, the app's resident memory is sampled during the run and its peak reported.</param>
    public static async Task<LoadReport> RunAsync(int concurrency, TimeSpan duration, Func<Random, CancellationToken, Task<(string Operation, int Status)>> step,
        int? appPid = null, int seed = 1)
    {
        using var stop = new CancellationTokenSource(duration);
        var samples = new List<Sample>[concurrency];
        var watch = Stopwatch.StartNew();
        var rss = appPid is { } pid ? SampleRssAsync(pid, stop.Token) : Task.FromResult<long?>(null);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = samples[worker] = [];
            var random = new Random(seed * 1000 + worker);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                string operation;
                int status;
                try
                {
                    (operation, status) = await step(random, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    (operation, status) = ("failed", 0);
                }
                mine.Add(new Sample(operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, status));
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var peak = await rss;
        var all = samples.SelectMany(s => s).ToList();
        var stats = all.GroupBy(s => s.Operation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Stats(g.Key, g.ToList(), elapsed)).ToList();
        stats.Add(Stats("all", all, elapsed));
        return new LoadReport(elapsed, stats, peak);
    }

    private static OperationStats Stats(string operation, List<Sample> samples, TimeSpan elapsed)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new OperationStats(operation, sorted.Length, sorted.Length / elapsed.TotalSeconds, P(0.50), P(0.95), P(0.99),
            samples.Count(s => !s.Ok), samples.Count(s => s.Status >= 500 || s.Status == 0));
    }

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    // VmRSS every 250 ms while the load runs; the highest seen is the run's peak.
    private static async Task<long?> SampleRssAsync(int pid, CancellationToken stop)
    {
        long? peak = null;
        var path = $"/proc/{pid}/status";
        while (true)
        {
            if (File.Exists(path))
            {
                var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb))
                    peak = Math.Max(peak ?? 0, kb * 1024);
            }
            if (stop.IsCancellationRequested)
                return peak;
            try
            {
                await Task.Delay(250, stop);
            }
            catch (TaskCanceledException)
            {
                // one last sample above
            }
        }
    }
}
