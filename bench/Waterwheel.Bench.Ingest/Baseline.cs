using System.Diagnostics;

namespace Waterwheel.Bench.Ingest;

internal sealed record BaselineResult(int Rows, TimeSpan Took, int Writers, TimeSpan? PostgresCpu)
{
    public double PerSecond => Rows / Took.TotalSeconds;
}

/// <summary>
/// The baseline: the same events as plain timeline lines (no HTTP, no inbox, no identity resolution), written straight
/// into an empty copy of the timeline table (same columns and indexes) in the same database, one multi-row INSERT of a
/// batch's rows per statement, each its own commit. On PostgreSQL as many writers as the run has senders; on SQLite one,
/// since it has one writer at a time and a second would only wait for the lock.
/// </summary>
internal static class Baseline
{
    public static List<TimelineRow> Rows(IEnumerable<SentEvent> events, Guid tenantId, Guid sourceId)
    {
        var profiles = new Dictionary<string, Guid>();
        return events.Select(e =>
        {
            if (!profiles.TryGetValue(e.Person, out var profile)) profiles[e.Person] = profile = Guid.CreateVersion7();
            return new TimelineRow(Guid.CreateVersion7(), tenantId, profile, e.Timestamp, e.Kind, e.Subject, e.Properties, sourceId,
                $"seg:{sourceId:N}:{e.MessageId}");
        }).ToList();
    }

    public static async Task<BaselineResult> Run(BenchDatabase db, List<TimelineRow> warm, List<TimelineRow> rows, int batchSize, int writers)
    {
        await using (var connection = await db.Open())
        {
            await db.CreateBaselineTable(connection);
            // The driver and the statement shapes warm up on rows that are not counted.
            foreach (var chunk in warm.Chunk(batchSize)) await db.InsertBaseline(connection, chunk);
        }
        var chunks = rows.Chunk(batchSize).ToList();
        var pg = db.Postgres ? PostgresCpu.Now() : null;
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.Open();
            for (var i = Interlocked.Increment(ref next); i < chunks.Count; i = Interlocked.Increment(ref next))
                await db.InsertBaseline(connection, chunks[i]);
        })));
        var took = clock.Elapsed;
        return new BaselineResult(rows.Count, took, writers, PostgresCpu.Now() - pg);
    }
}
