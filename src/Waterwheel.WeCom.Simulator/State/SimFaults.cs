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

    public void Inject(string api, int errcode, int times = 1)
    {
        var queue = _errors.GetOrAdd(api, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < times; i++) queue.Enqueue(errcode);
    }

    public void SetLatency(string api, TimeSpan latency) => _latency[api] = latency;

    public int Calls(string api) => _calls.TryGetValue(api, out var n) ? n : 0;

    internal int? Next(string api)
    {
        _calls.AddOrUpdate(api, 1, (_, n) => n + 1);
        return _errors.TryGetValue(api, out var queue) && queue.TryDequeue(out var code) ? code : null;
    }

    internal TimeSpan Latency(string api) => _latency.TryGetValue(api, out var latency) ? latency : TimeSpan.Zero;
}
