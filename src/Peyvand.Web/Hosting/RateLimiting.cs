using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Web.Hosting;

/// <summary>
/// Token buckets on /api/v1: one per API key (unauthenticated callers: per client address) and one per organisation,
/// so one busy integration cannot starve its colleagues and one tenant cannot starve the others. Every /api/v1
/// response says where the caller stands (RateLimit-* headers, IETF draft), a refusal is 429 with Retry-After.
/// The limits are per node: behind a load balancer each node keeps its own buckets.
/// </summary>
public static class RateLimiting
{
    /// <summary>Bearer-secret routes outside /api/v1 (the calendar feed): a per-address bucket.</summary>
    public const string ApiPolicy = Kernel.Api.ApiConventions.RateLimitPolicy;

    public static IServiceCollection AddPeyvandRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perKey = new Budget(configuration.GetValue("Peyvand:RateLimit:PermitsPerMinute", 1200));
        var perTenant = new Budget(configuration.GetValue("Peyvand:RateLimit:TenantPermitsPerMinute", perKey.PerMinute * 5));
        var limits = new ApiRateLimits(perKey, perTenant);
        services.AddSingleton(limits);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = limits.Limiter;
            options.AddPolicy(ApiPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "anonymous", _ => perKey.Options()));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = Kernel.Api.ApiText.TooManyTitle,
                        Detail = Kernel.Api.ApiText.TooManyDetail(perKey.PerMinute, perTenant.PerMinute),
                    },
                });
            };
        });
        return services;
    }

    /// <summary>Writes the RateLimit-* headers on every /api/v1 response, refusals included; goes before the rate limiter.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (ApiRateLimits.Applies(http))
        {
            var limits = http.RequestServices.GetRequiredService<ApiRateLimits>();
            http.Response.OnStarting(() =>
            {
                limits.WriteHeaders(http);
                return Task.CompletedTask;
            });
        }
        return next(http);
    });
}

/// <summary>A budget of requests a minute, granted as a bucket of ten seconds' worth that refills every second.</summary>
public sealed record Budget(int PerMinute)
{
    public int Burst => Math.Max(10, PerMinute / 6);
    public int PerSecond => Math.Max(1, PerMinute / 60);

    /// <summary>Seconds an empty bucket takes to fill again: the window of the published policy.</summary>
    public int WindowSeconds => Math.Max(1, (int)Math.Round((double)Burst / PerSecond));

    public TokenBucketRateLimiterOptions Options() => new()
    {
        TokenLimit = Burst,
        TokensPerPeriod = PerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The per-key and per-organisation buckets, kept here so the headers can read what the limiter decided.</summary>
public sealed class ApiRateLimits
{
    private readonly PartitionedRateLimiter<HttpContext> _perKey;
    private readonly PartitionedRateLimiter<HttpContext> _perTenant;
    private readonly string _policy;

    public ApiRateLimits(Budget perKey, Budget perTenant)
    {
        PerKey = perKey;
        PerTenant = perTenant;
        _perKey = PartitionedRateLimiter.Create<HttpContext, Partition>(http => KeyPartition(http) is { } key
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => perKey.Options())
            : RateLimitPartition.GetNoLimiter(default(Partition)));
        _perTenant = PartitionedRateLimiter.Create<HttpContext, Partition>(http => TenantPartition(http) is { } tenant
            ? RateLimitPartition.GetTokenBucketLimiter(tenant, _ => perTenant.Options())
            : RateLimitPartition.GetNoLimiter(default(Partition)));
        Limiter = PartitionedRateLimiter.CreateChained(_perKey, _perTenant);
        _policy = string.Create(CultureInfo.InvariantCulture,
            $"{perKey.Burst};w={perKey.WindowSeconds};comment=\"api key\", {perTenant.Burst};w={perTenant.WindowSeconds};comment=\"organisation\"");
    }

    public Budget PerKey { get; }
    public Budget PerTenant { get; }
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public static bool Applies(HttpContext http) => http.Request.Path.StartsWithSegments("/api/v1");

    // Looked up several times a request (taking a permit, then the headers), so a value, not a formatted string.
    private readonly record struct Partition(char Kind, Guid Id, string? Address = null);

    private static Partition? KeyPartition(HttpContext http)
    {
        if (!Applies(http))
            return null;
        var user = http.RequestServices.GetRequiredService<CurrentUser>();
        return user.ApiKeyId is { } key ? new Partition('k', key)
            : user.UserId is { } id ? new Partition('u', id)
            : new Partition('a', Guid.Empty, http.Connection.RemoteIpAddress?.ToString() ?? "anonymous");
    }

    private static Partition? TenantPartition(HttpContext http) =>
        Applies(http) && http.RequestServices.GetRequiredService<CurrentUser>().TenantId is { } tenant ? new Partition('t', tenant) : null;

    /// <summary>
    /// RateLimit-Limit/Remaining/Reset describe the bucket closest to empty; RateLimit-Policy lists both budgets as
    /// "burst;w=seconds to refill". Reset is the seconds until that bucket is full again.
    /// </summary>
    public void WriteHeaders(HttpContext http)
    {
        var (budget, remaining) = (PerKey, Available(_perKey, http, PerKey));
        if (TenantPartition(http) is not null && Available(_perTenant, http, PerTenant) is var tenantRemaining && tenantRemaining < remaining)
            (budget, remaining) = (PerTenant, tenantRemaining);
        if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests)
            remaining = 0;
        var reset = (budget.Burst - remaining + budget.PerSecond - 1) / budget.PerSecond;

        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = budget.Burst.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = _policy;
    }

    private static long Available(PartitionedRateLimiter<HttpContext> limiter, HttpContext http, Budget budget) =>
        Math.Clamp(limiter.GetStatistics(http)?.CurrentAvailablePermits ?? budget.Burst, 0, budget.Burst);
}
