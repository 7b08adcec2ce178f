using System.Collections.Concurrent;

namespace Waterwheel.Platform.Jobs;

/// <summary>
/// The lock of a one-process deployment (the embedded SQLite default, where one process owns the file): mutual
/// exclusion inside this process is all the cluster there is.
/// </summary>
internal sealed class ProcessClusterLock : IClusterLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<ClusterLockHandle?> TryAcquire(string name, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.Zero, ct)) return null;
        return new ClusterLockHandle(new Release(gate), CancellationToken.None);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
