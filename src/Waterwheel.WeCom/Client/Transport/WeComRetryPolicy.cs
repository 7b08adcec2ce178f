using Microsoft.Extensions.Options;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// Exponential back-off with full jitter (base 1 s, cap 60 s). Both the wait and the randomness are injectable so
/// tests can assert the schedule without sleeping.
/// </summary>
internal sealed class WeComRetryPolicy(IOptions<WeComOptions> options, TimeProvider time)
{
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    public Func<TimeSpan, CancellationToken, Task>? Wait { get; init; }

    public int MaxAttempts => options.Value.MaxAttempts;

    /// <summary>The delay after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var o = options.Value;
        var ceiling = Math.Min(o.BackoffCap.TotalMilliseconds, o.BackoffBase.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * Jitter());
    }

    public Task Pause(int attempt, CancellationToken ct)
    {
        var delay = DelayAfter(attempt);
        return Wait is null ? Task.Delay(delay, time, ct) : Wait(delay, ct);
    }
}
