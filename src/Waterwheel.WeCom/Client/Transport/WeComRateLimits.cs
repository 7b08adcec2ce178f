using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// The budget of one process, for the embedded default and single nodes without Redis: sliding windows in memory.
/// Calls over the budget wait in a queue; when the queue is full the call fails as busy and its job retries later.
/// </summary>
internal sealed class WeComRateLimits : IWeComRateBudget, IDisposable
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
