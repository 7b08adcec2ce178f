using Medallion.Threading.Postgres;

namespace Waterwheel.Platform.Jobs;

/// <summary>
/// PostgreSQL session advisory locks (DistributedLock.Postgres): every node shares the database already, and the lock
/// lives exactly as long as the holder's connection.
/// </summary>
internal sealed class PostgresClusterLock(string connectionString) : IClusterLock
{
    public async Task<ClusterLockHandle?> TryAcquire(string name, CancellationToken ct)
    {
        // Names longer than an advisory key are hashed into one; the same name gives the same key on every node.
        var distributedLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(name, allowHashing: true), connectionString);
        var handle = await distributedLock.TryAcquireAsync(TimeSpan.Zero, ct);
        return handle is null ? null : new ClusterLockHandle(handle, handle.HandleLostToken);
    }
}
