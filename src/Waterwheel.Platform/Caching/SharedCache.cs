using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Waterwheel.Platform.Caching;

/// <summary>
/// The cache that all nodes of one deployment share (WeCom access tokens, say): Redis when
/// <c>ConnectionStrings:Redis</c> is set, otherwise this process's memory, which is right for a single node and
/// the embedded default.
/// </summary>
public static class SharedCache
{
    public const string ConnectionStringName = "Redis";

    public static IServiceCollection AddSharedCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
            return services;
        }
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = configuration.GetValue("Waterwheel:Cache:KeyPrefix", "waterwheel:");
        });
        services.AddHealthChecks().AddCheck<SharedCacheHealthCheck>("shared-cache", tags: ["ready"]);
        return services;
    }
}

/// <summary>Ready only when Redis answers: a node that cannot share tokens would hammer WeCom's gettoken.</summary>
internal sealed class SharedCacheHealthCheck(IDistributedCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await cache.GetAsync("health", ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The shared cache (Redis) does not answer.", e);
        }
    }
}
