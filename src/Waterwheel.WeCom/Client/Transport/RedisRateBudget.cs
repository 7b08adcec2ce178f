using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Waterwheel.Platform.Caching;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// The budget shared by every node of a deployment, so that N nodes together stay under WeCom's per-corp limit. Each
/// call takes a permit from sliding windows in Redis (six segments a window, counted on Redis's own clock so nodes'
/// clocks need not agree); a call that finds a window full waits for its oldest segment to roll off, and fails as busy
/// when too many calls of this node already wait.
/// </summary>
internal sealed class RedisRateBudget(SharedRedis redis, IOptions<WeComOptions> options) : IWeComRateBudget
{
    // Returns 0 when a permit was taken, else the milliseconds until a window has room. Checks both windows before
    // counting in either, so a refused call uses no budget.
    private const string TakeScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function used(key, size, limit)
          local seg = size / 6
          local cur = math.floor(now / seg)
          local total = 0
          for i = 0, 5 do total = total + tonumber(redis.call('GET', key .. ':' .. (cur - i)) or '0') end
          if total >= limit then return seg - (now % seg) end
          return 0
        end
        local waitM = used(KEYS[1], 60000, tonumber(ARGV[1]))
        if waitM > 0 then return waitM end
        local waitH = used(KEYS[2], 3600000, tonumber(ARGV[2]))
        if waitH > 0 then return waitH end
        local m = KEYS[1] .. ':' .. math.floor(now / 10000)
        local h = KEYS[2] .. ':' .. math.floor(now / 600000)
        redis.call('INCR', m) redis.call('PEXPIRE', m, 70000)
        redis.call('INCR', h) redis.call('PEXPIRE', h, 4200000)
        return 0
        """;

    private readonly ConcurrentDictionary<(string, string), int> _waiting = new();

    public async Task<(RateLimitLease Lease, WeComError? Refused)> Acquire(string corpId, string api, CancellationToken ct)
    {
        var o = options.Value;
        var keys = new RedisKey[] { $"{redis.KeyPrefix}wecom-budget:{corpId}:{api}:m", $"{redis.KeyPrefix}wecom-budget:{corpId}:{api}:h" };
        var limits = new RedisValue[] { o.CallsPerMinutePerApi, o.CallsPerHourPerApi };
        var key = (corpId, api);
        var queued = false;
        try
        {
            while (true)
            {
                var wait = (long)await redis.Connection.GetDatabase().ScriptEvaluateAsync(TakeScript, keys, limits);
                if (wait == 0) return (Granted.Lease, null);
                if (!queued)
                {
                    if (_waiting.AddOrUpdate(key, 1, (_, n) => n + 1) > o.RateLimitQueue) return (Granted.Refusal, WeComErrorCatalog.Throttled(api));
                    queued = true;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, wait)), ct);
            }
        }
        finally
        {
            if (queued) _waiting.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    /// <summary>A permit in Redis is spent when taken; the lease only tells the caller which way it went.</summary>
    private sealed class Granted(bool acquired) : RateLimitLease
    {
        public static readonly Granted Lease = new(true);
        public static readonly Granted Refusal = new(false);

        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
