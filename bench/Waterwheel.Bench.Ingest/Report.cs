using Waterwheel.Testing;

namespace Waterwheel.Bench.Ingest;

internal static class Report
{
    public static void Print(string provider, Settings s, BaselineResult baseline, IngestResult run, TimeSpan took, string loadBefore, string loadAfter)
    {
        var w = System.Console.Out;
        var p = run.Progress;
        var done = p.Done?.TotalSeconds;
        var processed = done is { } d ? run.Events / d : double.NaN;
        // Until the last event was processed, or until the run gave up waiting.
        var measured = done ?? (p.Samples.Count > 0 ? p.Samples[^1].Seconds : double.NaN);
        var sustained = p.Sustained(run.Events);
        var accepted = run.Sent.Events / run.Sent.Took.TotalSeconds;
        w.WriteLine();
        w.WriteLine($"== {provider}: {run.Events:N0} events as /v1/batch of {s.BatchSize} from {s.Senders} senders, {s.People:N0} people, seed {s.Seed} (took {took.TotalSeconds:F0} s)");
        w.WriteLine($"   server in its own process (Production, Server GC); senders and the baseline in this one; {Environment.ProcessorCount} cores shared with the database");
        w.WriteLine($"   load average before {loadBefore}, after {loadAfter} (other work on the machine shows here)");
        w.WriteLine($"   {"",-44} {"events/s",10}   figures");
        w.WriteLine($"   {"baseline: plain multi-row INSERT",-44} {baseline.PerSecond,10:N0}   {baseline.Rows:N0} rows in {baseline.Took.TotalSeconds:F1} s, {baseline.Writers} writer(s), {s.BatchSize} rows a statement{PgCpu(baseline.PostgresCpu, baseline.Rows)}");
        w.WriteLine($"   {"accepted (HTTP 200)",-44} {accepted,10:N0}   {run.Sent.Events:N0} in {run.Sent.Took.TotalSeconds:F1} s; request p50 {Percentiles.Of(run.Sent.LatencyMs, 50):F1} ms, p99 {Percentiles.Of(run.Sent.LatencyMs, 99):F1} ms; 429s {run.Sent.TooBusy}, failures {run.Sent.Failed}");
        w.WriteLine($"   {"processed (timeline rows), first send → all",-44} {processed,10:N0}   {(done is null ? $"INCOMPLETE: {p.Rows:N0} of {run.Events:N0} after {p.Samples[^1].Seconds:F0} s (--max-minutes), {p.Rows / p.Samples[^1].Seconds:N0}/s so far" : $"all {run.Events:N0} in {done:F1} s")}");
        w.WriteLine($"   {"processed, sustained (10% → 90%)",-44} {sustained,10:N0}   target ≥ 20,000/s on PostgreSQL");
        w.WriteLine($"   {"ratio processed / baseline",-44} {processed / baseline.PerSecond,10:F3}   (accepted / baseline {accepted / baseline.PerSecond:F3})");
        var cpu = run.ServerCpu.TotalSeconds;
        w.WriteLine($"   {"server CPU per 1,000 events",-44} {cpu / run.Events * 1000,10:F3} s   {cpu:F1} s in all ({run.ServerCpuAccepting.TotalSeconds:F1} s while accepting), " +
            $"{cpu / measured * 100 / Environment.ProcessorCount:F0}% of the machine; senders {run.LoadCpu.TotalSeconds:F1} s");
        if (run.PostgresCpu is { } pg)
            w.WriteLine($"   {"postgres CPU per 1,000 events (cluster)",-44} {pg.TotalSeconds / run.Events * 1000,10:F3} s   {pg.TotalSeconds:F1} s in all");
        w.WriteLine($"   outcome: {run.Profiles:N0} profiles, {run.Identities:N0} identities; inbox {run.Fate.Total:N0} tracking messages, {run.Fate.Retried:N0} retried, " +
            $"{run.Fate.GivenUp:N0} given up, {run.Fate.Open:N0} still open");
        foreach (var error in run.Fate.Errors) w.WriteLine($"   a handler error: {(error.Length > 200 ? error[..200] : error)}");
        if (run.Profile.Count > 0)
        {
            w.WriteLine($"   server ({(s.Profile ? "profile of the measured stretch, " : "")}output in {run.ServerLogFile}):");
            foreach (var line in run.Profile) w.WriteLine("     " + line);
        }
        PrintCurve(w, p, run.Events);
    }

    private static string PgCpu(TimeSpan? cpu, int rows) => cpu is { } c ? $"; postgres CPU {c.TotalSeconds / rows * 1000:F3} s per 1,000" : "";

    /// <summary>Rows written per five-second stretch: shows whether processing keeps pace, slows as the tables grow, or stalls.</summary>
    private static void PrintCurve(TextWriter w, Progress p, int target)
    {
        var points = new List<string>();
        var (lastSecond, lastRows) = (0.0, 0L);
        foreach (var (second, rows) in p.Samples)
        {
            if (second - lastSecond < 5 && rows < target) continue;
            points.Add($"{second:F0}s:{(rows - lastRows) / (second - lastSecond):N0}/s");
            (lastSecond, lastRows) = (second, rows);
        }
        w.WriteLine("   processed per stretch: " + string.Join("  ", points));
    }
}
