using System.Threading.RateLimiting;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// Our own budget per corp and API, below WeCom's limits (10,000 calls a minute, 150,000 an hour): hitting WeCom's
/// limit blocks the API for the rest of the window, so calls over the budget wait their turn instead, and fail as
/// busy (to be retried by their job) when too many are already waiting.
/// </summary>
internal interface IWeComRateBudget
{
    /// <summary>A lease to hold for the call, and an error instead when the call may not go.</summary>
    Task<(RateLimitLease Lease, WeComError? Refused)> Acquire(string corpId, string api, CancellationToken ct);
}
