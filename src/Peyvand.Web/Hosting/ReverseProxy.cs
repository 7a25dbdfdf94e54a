using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Peyvand.Web.Hosting;

/// <summary>
/// Behind a load balancer (docs/deploy.md) the client's address and scheme arrive in X-Forwarded-For/-Proto. They are
/// believed only from the loopback address and the proxies named in <c>Peyvand:ReverseProxy:KnownProxies</c> (IP
/// addresses) or <c>KnownNetworks</c> (CIDR), so a client cannot pick its own rate-limit partition or scheme.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddPeyvandForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "Peyvand:ReverseProxy:KnownProxies").Select(IPAddress.Parse).ToList();
        var networks = List(configuration, "Peyvand:ReverseProxy:KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    // Either a list (KnownProxies:0, :1, … — appsettings arrays) or one comma-separated value (environment variables).
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
