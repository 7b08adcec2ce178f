namespace Waterwheel.Platform.Messaging;

/// <summary>
/// How many inbox handlers run at once on this node across all its rounds. Normally as many as the rounds' own limits
/// allow; while accepts are slow (<see cref="AcceptPressure"/>), only a few, so that the CPU and the database go to
/// storing what senders wait on. Handling then slows down but never stops, and picks up again once accepts are quick.
/// </summary>
internal sealed class HandlingSlots(AcceptPressure pressure, int underPressure)
{
    /// <summary>How often a handler waiting for a slot looks again: short next to a handler's own milliseconds.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(5);

    private int _running;

    public int Running => Volatile.Read(ref _running);

    /// <summary>Waits for a slot; dispose the result when the handler is done.</summary>
    public async ValueTask<Slot> Enter(CancellationToken ct)
    {
        while (true)
        {
            var running = Interlocked.Increment(ref _running);
            if (running <= Math.Max(1, underPressure) || !pressure.Behind) return new Slot(this);
            Interlocked.Decrement(ref _running);
            await Task.Delay(Recheck, ct);
        }
    }

    public readonly struct Slot(HandlingSlots owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._running);
    }
}
