namespace Waterwheel.Platform.Jobs;

/// <summary>
/// A named lock that at most one process of the deployment holds at a time: the guard for work that must run once per
/// cluster (a tenant's sync, a sweep). It is a lease on a live connection, not a row with a timestamp, so a node that
/// dies (even by SIGKILL) drops it the moment its connection closes and another node takes over.
/// </summary>
public interface IClusterLock
{
    /// <summary>The held lock, or null when another holder has it. Dispose to release.</summary>
    Task<ClusterLockHandle?> TryAcquire(string name, CancellationToken ct);
}

/// <summary>A held cluster lock. <see cref="Lost"/> fires if the lock can no longer be guaranteed (its connection broke).</summary>
public sealed class ClusterLockHandle(IAsyncDisposable release, CancellationToken lost) : IAsyncDisposable
{
    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() => release.DisposeAsync();
}
