using System.Collections.Concurrent;

namespace Waterwheel.WeCom.Simulator.State;

/// <summary>
/// Test hooks per API (the path after /cgi-bin/, e.g. "externalcontact/get"): errcodes to answer instead of the
/// real result, and a latency to add. Calls are counted so tests can see retries.
/// </summary>
public sealed class SimFaults
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _errors = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _latency = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _caps = new();
    private readonly ConcurrentDictionary<string, int[]> _inFlight = new(); // [current, highest]

    public void Inject(string api, int errcode, int times = 1)
    {
        var queue = _errors.GetOrAdd(api, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < times; i++) queue.Enqueue(errcode);
    }

    public void SetLatency(string api, TimeSpan latency) => _latency[api] = latency;

    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>> _beforeAnswer = new();

    /// <summary>
    /// Holds the answer of an API after its call took effect: the caller's side sees nothing yet, as when a network
    /// or a process dies between WeCom doing something and the caller hearing of it.
    /// </summary>
    public void HoldAnswers(string api, Func<CancellationToken, Task>? hold)
    {
        if (hold is null) _beforeAnswer.TryRemove(api, out _);
        else _beforeAnswer[api] = hold;
    }

    internal Task BeforeAnswer(string api, CancellationToken ct) =>
        _beforeAnswer.TryGetValue(api, out var hold) ? hold(ct) : Task.CompletedTask;

    /// <summary>WeCom's unpublished per-API concurrency cap (45033); the simulator answers 45033 above it.</summary>
    public void SetConcurrencyCap(string api, int cap) => _caps[api] = cap;

    /// <summary>The most calls of this API that were in flight at once.</summary>
    public int MaxInFlight(string api) => _inFlight.TryGetValue(api, out var c) ? Volatile.Read(ref c[1]) : 0;

    internal Slot Enter(string api)
    {
        var counters = _inFlight.GetOrAdd(api, _ => new int[2]);
        var now = Interlocked.Increment(ref counters[0]);
        for (var high = Volatile.Read(ref counters[1]); now > high; high = Volatile.Read(ref counters[1]))
            if (Interlocked.CompareExchange(ref counters[1], now, high) == high) break;
        return new Slot(counters, _caps.TryGetValue(api, out var cap) && now > cap);
    }

    internal sealed class Slot(int[] counters, bool overCap) : IDisposable
    {
        public bool OverCap { get; } = overCap;

        public void Dispose() => Interlocked.Decrement(ref counters[0]);
    }

    public int Calls(string api) => _calls.TryGetValue(api, out var n) ? n : 0;

    internal int? Next(string api)
    {
        _calls.AddOrUpdate(api, 1, (_, n) => n + 1);
        return _errors.TryGetValue(api, out var queue) && queue.TryDequeue(out var code) ? code : null;
    }

    internal TimeSpan Latency(string api) => _latency.TryGetValue(api, out var latency) ? latency : TimeSpan.Zero;
}
