using System.Collections.Concurrent;

namespace Waterwheel.Platform.Data;

/// <summary>
/// One write at a time per SQLite database, queued here rather than inside SQLite. SQLite has a single writer; a
/// second one waits in its busy handler, which sleeps on the calling thread (up to 100 ms a turn). Under a few hundred
/// callbacks a second those sleeping writers tie up the thread pool and nothing else gets a thread, answers included.
/// Here they wait without a thread, and each turn is as long as the write. PostgreSQL, which has row locks and an
/// asynchronous driver, writes side by side as before.
/// </summary>
public static class SqliteWrites
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static async Task<T> Serialized<T>(this DbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        // Inside an open transaction this connection may hold SQLite's write lock already: waiting here for a writer
        // that waits for that lock would stall both.
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null) return await write();
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs the work in one transaction, which on SQLite waits its turn among the writers first: a change and what must
    /// commit with it (its change-log rows, its bulk-written lines) are saved together or not at all.
    /// </summary>
    public static Task<T> Atomically<T>(this DbContext db, Func<Task<T>> work, CancellationToken ct) => db.Serialized(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }, ct);
}
