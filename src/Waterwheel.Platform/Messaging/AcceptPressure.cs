using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// How long accepted messages have lately waited to be stored. Accepting is the promise a sender waits on (WeCom gives a
/// callback 5 seconds, then retries and finally drops it), handling is work that may lag: when storing slows down, the
/// node's handling makes room (<see cref="InboxProcessor"/> runs fewer handlers) instead of competing with accepts for the
/// CPU and the database.
/// </summary>
internal sealed class AcceptPressure(TimeSpan target, Func<long> timestamp)
{
    public AcceptPressure(IOptions<InboxOptions> options) : this(options.Value.AcceptTarget, Stopwatch.GetTimestamp) { }

    // An exponentially weighted mean of the waits, in stopwatch ticks: smooth enough that one slow commit does not throttle
    // handling, quick enough (a few batches) to react within a fraction of a second under load.
    private long _smoothedTicks;
    private long _lastRecorded;

    /// <summary>The oldest message of a stored batch waited this long between its accept and its commit.</summary>
    public void Record(TimeSpan oldestWait)
    {
        var now = timestamp();
        var sample = (long)(oldestWait.TotalSeconds * Stopwatch.Frequency);
        long seen, next;
        do
        {
            seen = Volatile.Read(ref _smoothedTicks);
            next = seen + (sample - seen) / 4;
        }
        while (Interlocked.CompareExchange(ref _smoothedTicks, next, seen) != seen);
        Volatile.Write(ref _lastRecorded, now);
    }

    /// <summary>The smoothed wait, for reports.</summary>
    public TimeSpan Smoothed => TimeSpan.FromSeconds((double)Volatile.Read(ref _smoothedTicks) / Stopwatch.Frequency);

    /// <summary>
    /// True while accepts wait longer than the target. A node that stored nothing for a second is not under accept load,
    /// whatever its last figure said.
    /// </summary>
    public bool Behind =>
        Stopwatch.GetElapsedTime(Volatile.Read(ref _lastRecorded), timestamp()) < TimeSpan.FromSeconds(1) && Smoothed > target;
}
