using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waterwheel.Server.Hosting;

/// <summary>
/// Behind a TLS proxy (nginx, see docs/deploy/nginx.conf) the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies named in <c>Waterwheel:Proxy:KnownProxies</c> (addresses)
/// and <c>Waterwheel:Proxy:KnownNetworks</c> (CIDR), each a list or one comma-separated value; with none, only loopback
/// is believed, as ASP.NET Core does. Anyone else could claim any address (and escape the sign-in limit) or "https".
/// </summary>
internal static class ProxyHeaders
{
    public const string Section = "Waterwheel:Proxy";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = ListAt(section, "KnownProxies").Select(p => Parse(p, "KnownProxies", IPAddress.Parse)).ToList();
        var networks = ListAt(section, "KnownNetworks").Select(n => Parse(n, "KnownNetworks", System.Net.IPNetwork.Parse)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private static IEnumerable<string> ListAt(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var values = list.Value is { } single ? single.Split(',') : list.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static T Parse<T>(string value, string key, Func<string, T> parse)
    {
        try { return parse(value); }
        catch (FormatException e) { throw new InvalidOperationException($"{Section}:{key} has '{value}', which is not an IP address or network.", e); }
    }
}
