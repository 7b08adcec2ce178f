using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

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
        var prefix = configuration.GetValue("Waterwheel:Cache:KeyPrefix", "waterwheel:")!;
        // One connection per process for the cache and every other shared counter; a Redis that is down at start is
        // reconnected to in the background (the readiness check says so) instead of failing the start.
        services.AddSingleton(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return new SharedRedis(ConnectionMultiplexer.Connect(options), prefix);
        });
        services.AddStackExchangeRedisCache(o => o.InstanceName = prefix);
        services.AddOptions<RedisCacheOptions>().Configure<SharedRedis>((o, shared) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(shared.Connection));
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

/// <summary>The Redis that the deployment's nodes share, with the key prefix that keeps one deployment's keys apart.</summary>
public sealed record SharedRedis(IConnectionMultiplexer Connection, string KeyPrefix);
