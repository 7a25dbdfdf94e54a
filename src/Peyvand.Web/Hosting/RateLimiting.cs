using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Web.Hosting;

/// <summary>Per-key token buckets: each API key (or, unauthenticated, each client address) gets its own budget.</summary>
public static class RateLimiting
{
    public const string ApiPolicy = Kernel.Api.ApiConventions.RateLimitPolicy;

    public static IServiceCollection AddPeyvandRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Peyvand:RateLimit:PermitsPerMinute", 1200);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(ApiPolicy, http =>
            {
                var user = http.RequestServices.GetRequiredService<CurrentUser>();
                var partition = user.ApiKeyId?.ToString() ?? user.UserId?.ToString()
                    ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(10, perMinute / 6), // bursts of up to ten seconds' worth
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
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
                        Title = "Too many requests.",
                        Detail = $"This API key may make {perMinute} requests a minute. Retry after the time in Retry-After.",
                    },
                });
            };
        });
        return services;
    }
}
