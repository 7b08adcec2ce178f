using System.Diagnostics;

namespace Waterwheel.Bench.Ingest;

/// <summary>How the timeline filled: (seconds since the first send, rows written by the run) samples, and when it was complete.</summary>
internal sealed record Progress(IReadOnlyList<(double Seconds, long Rows)> Samples, TimeSpan? Done, long Rows)
{
    /// <summary>Rows a second between 10% and 90% of the target: the steady rate, without the start and the last stragglers.</summary>
    public double Sustained(long target)
    {
        double? At(double share) => Samples.FirstOrDefault(s => s.Rows >= share * target) is { Seconds: > 0 } s ? s.Seconds : null;
        return At(0.1) is { } from && At(0.9) is { } to && to > from ? 0.8 * target / (to - from) : double.NaN;
    }
}

/// <summary>
/// Counts the timeline's rows from this process every quarter second (a COUNT over the table, on the database directly),
/// until the run's events are all there, nothing has moved for two minutes, or the run's time is up.
/// </summary>
internal static class Processed
{
    public static async Task<Progress> Watch(BenchDatabase db, long before, long target, Stopwatch clock, TimeSpan limit)
    {
        await using var connection = await db.Open();
        var samples = new List<(double, long)>();
        var (last, lastMove) = (0L, clock.Elapsed);
        while (clock.Elapsed < limit)
        {
            var rows = await BenchDatabase.Scalar(connection, $"SELECT COUNT(*) FROM {db.Timeline}") - before;
            samples.Add((clock.Elapsed.TotalSeconds, rows));
            if (rows >= target) return new Progress(samples, clock.Elapsed, rows);
            if (rows != last) (last, lastMove) = (rows, clock.Elapsed);
            else if (clock.Elapsed - lastMove > TimeSpan.FromMinutes(2)) return new Progress(samples, null, rows);
            await Task.Delay(250);
        }
        return new Progress(samples, null, last);
    }
}
