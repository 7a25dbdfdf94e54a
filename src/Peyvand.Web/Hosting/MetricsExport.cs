using Prometheus;

namespace Peyvand.Web.Hosting;

/// <summary>
/// What <c>/metrics</c> exports: prometheus-net's HTTP request durations (and so counts), the process, and the .NET runtime's
/// <c>System.Runtime</c> meter (GC, JIT, thread pool). prometheus-net listens by default to every meter and to the
/// EventCounters as well, which switches on per-request instrumentation in Kestrel (an event per request start and
/// stop), hosting, routing, the rate limiter and EF Core; a profile of the single-contact read put that at about a
/// tenth of the request's CPU, for series that repeat the HTTP metrics or that nobody scrapes.
/// </summary>
public static class MetricsExport
{
    public const string RuntimeMeter = "System.Runtime";

    private static readonly Lazy<bool> Configured = new(() =>
    {
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = instrument => instrument.Meter.Name == RuntimeMeter);
        return true;
    });

    /// <summary>Idempotent (tests build many apps in one process); must run before the first metric is created.</summary>
    public static void Configure() => _ = Configured.Value;

    /// <summary>
    /// One histogram of request durations by route, method and status (<c>http_request_duration_seconds</c>; its
    /// <c>_count</c> is the request count). prometheus-net's separate request counter and in-progress gauge are off:
    /// each is a middleware of its own that looks up its labelled series again on every request.
    /// </summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseHttpMetrics(o =>
    {
        o.RequestCount.Enabled = false;
        o.InProgress.Enabled = false;
    });
}
