using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// Keeps this process under WeCom's per-corp, per-API limits (10,000 calls a minute, 150,000 an hour). Hitting
/// WeCom's limit blocks the API for the rest of the window, so calls over our own, lower budget wait in a queue
/// instead; when the queue is full the call fails as busy and its job retries later.
/// </summary>
internal sealed class WeComRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(string Corp, string Api)> _limiter;

    public WeComRateLimits(IOptions<WeComOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            Window(TimeSpan.FromMinutes(1), o.CallsPerMinutePerApi, o.RateLimitQueue),
            Window(TimeSpan.FromHours(1), o.CallsPerHourPerApi, o.RateLimitQueue));
    }

    /// <summary>Null when the call may go now (after waiting its turn); an error when too many calls are already waiting.</summary>
    public async Task<(RateLimitLease Lease, WeComError? Refused)> Acquire(string corpId, string api, CancellationToken ct)
    {
        var lease = await _limiter.AcquireAsync((corpId, api), 1, ct);
        return (lease, lease.IsAcquired ? null : WeComErrorCatalog.Throttled(api));
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<(string Corp, string Api)> Window(TimeSpan window, int permits, int queue) =>
        PartitionedRateLimiter.Create<(string Corp, string Api), (string Corp, string Api)>(key => RateLimitPartition.GetSlidingWindowLimiter(key,
            _ => new SlidingWindowRateLimiterOptions
            {
                Window = window,
                PermitLimit = permits,
                SegmentsPerWindow = 6,
                QueueLimit = queue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
}
