using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// Caps parallel calls of the storage-heavy APIs per corp in this process. WeCom answers 45033 above an unpublished
/// per-corp, per-API concurrency limit; staying under it is cheaper than backing off after hitting it.
/// </summary>
internal sealed class WeComConcurrency(IOptions<WeComOptions> options)
{
    private readonly ConcurrentDictionary<(string Corp, string Api), SemaphoreSlim> _gates = new();

    public async Task<IDisposable?> Enter(string corpId, string api, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.HeavyApis.Contains(api)) return null;
        var gate = _gates.GetOrAdd((corpId, api), _ => new SemaphoreSlim(o.HeavyApiConcurrency, o.HeavyApiConcurrency));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
