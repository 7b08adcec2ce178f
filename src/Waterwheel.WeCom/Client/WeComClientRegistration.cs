using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Caching;
using Waterwheel.WeCom.Client.Tokens;
using Waterwheel.WeCom.Client.Transport;

namespace Waterwheel.WeCom.Client;

public static class WeComClientRegistration
{
    /// <summary>
    /// Registers <see cref="IWeComClient"/> through IHttpClientFactory. The token cache uses whatever
    /// IDistributedCache is registered (Redis in production) and falls back to memory. The returned builder lets a
    /// host or test swap the primary handler (e.g. to reach an in-process simulator).
    /// </summary>
    public static IHttpClientBuilder AddWeComClient(this IServiceCollection services, IConfiguration? section = null)
    {
        var options = services.AddOptions<WeComOptions>();
        if (section is not null) options.Bind(section);
        services.AddDistributedMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccessTokenCache>();
        services.TryAddSingleton<WeComRetryPolicy>();
        services.TryAddSingleton<WeComConcurrency>();
        // Shared through Redis when the deployment has one (several nodes, one budget); otherwise this process's own.
        services.TryAddSingleton<IWeComRateBudget>(sp => sp.GetService<SharedRedis>() is { } redis
            ? new RedisRateBudget(redis, sp.GetRequiredService<IOptions<WeComOptions>>())
            : new WeComRateLimits(sp.GetRequiredService<IOptions<WeComOptions>>()));
        return services.AddHttpClient<IWeComClient, WeComClient>((sp, http) =>
            {
                var baseAddress = sp.GetRequiredService<IOptions<WeComOptions>>().Value.BaseAddress.ToString();
                // Relative paths resolve against the last '/', so the base must end with one.
                http.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");
            })
            // The factory's own request logging opens a log scope and writes two lines around every call, several per
            // handled callback; the transport reports what matters (errcodes, timeouts) as typed errors instead.
            .RemoveAllLoggers();
    }
}
