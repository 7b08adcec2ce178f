namespace Waterwheel.Bench.CallbackLoad;

/// <summary>CPU seconds each process used during the adds, the wall time they took, and how long the handling ran on after them.</summary>
internal sealed record CpuUse(TimeSpan Server, TimeSpan LoadSide, TimeSpan Wall, TimeSpan Tail);

internal sealed record RunResult(int Adds, int Answered, IReadOnlyList<double> PostMs, IReadOnlyList<double> PushMs, IReadOnlyList<double> WelcomeMs,
    int Lost, int DuplicateWelcomes, double AchievedRate, CpuUse Cpu, int ServerLogLines, string ServerLogFile);

/// <summary>The differential runs: the server idle (store-only and full servers), bare /healthz requests, and callbacks stored but not handled.</summary>
internal sealed record Stages(TimeSpan IdlePerSecond, Phase Healthz, Phase Stored)
{
    public TimeSpan IdleFull { get; init; }
}

internal static class Report
{
    public static void Print(string provider, int rate, int seconds, int corps, Stages stages, RunResult run, TimeSpan took, string loadBefore, string loadAfter)
    {
        var post50 = Percentiles.Of(run.PostMs, 50);
        var post99 = Percentiles.Of(run.PostMs, 99);
        var base50 = Percentiles.Of(stages.Healthz.LatencyMs, 50);
        var base99 = Percentiles.Of(stages.Healthz.LatencyMs, 99);
        var cores = Environment.ProcessorCount;
        var w = System.Console.Out;
        w.WriteLine($"== {provider}: {run.Adds} adds at {rate}/s for {seconds} s over {corps} corps, {rate / corps}/s each (achieved {run.AchievedRate:F0}/s, took {took.TotalSeconds:F0} s)");
        w.WriteLine($"   server in its own process; simulator + crowd + load generator in this one; both share the machine's {cores} cores");
        w.WriteLine($"   load average before {loadBefore}, after {loadAfter} (other work on the machine shows here)");
        w.WriteLine($"baseline GET /healthz       p50 {base50,8:F2} ms   p99 {base99,8:F2} ms");
        w.WriteLine($"callback POST answer        p50 {post50,8:F2} ms   p99 {post99,8:F2} ms   ratio to baseline p50 {post50 / base50:F1}x, p99 {post99 / base99:F1}x   (target p99 < 50 ms)");
        w.WriteLine($"whole push (seal + tries)   p50 {Percentiles.Of(run.PushMs, 50),8:F2} ms   p99 {Percentiles.Of(run.PushMs, 99),8:F2} ms");
        w.WriteLine($"add -> welcome at WeCom     p50 {Percentiles.Of(run.WelcomeMs, 50),8:F1} ms   p99 {Percentiles.Of(run.WelcomeMs, 99),8:F1} ms   (target p99 < 1000 ms)");
        w.WriteLine($"answered {run.Answered}/{run.Adds} ({run.PostMs.Count - run.Adds} retried POSTs); no welcome within 60 s {run.Lost} (handled after the code expired, or not at all); duplicate welcomes {run.DuplicateWelcomes}   (target 0 and 0)");
        var wall = run.Cpu.Wall.TotalSeconds;
        w.WriteLine($"CPU: server {run.Cpu.Server.TotalSeconds:F1} s over the adds and the {run.Cpu.Tail.TotalSeconds:F1} s until the last welcome " +
            $"({run.Cpu.Server.TotalSeconds / (wall + run.Cpu.Tail.TotalSeconds) * 100 / cores:F0}% of the machine), load side {run.Cpu.LoadSide.TotalSeconds:F1} s " +
            $"({run.Cpu.LoadSide.TotalSeconds / wall * 100 / cores:F0}%); server log lines {run.ServerLogLines} ({run.ServerLogFile})");
        PrintStages(w, rate, stages, run);
    }

    /// <summary>
    /// Server CPU per add by stage, each the difference of two runs at the same rate: /healthz less idle is what an HTTP
    /// request costs; storing less /healthz is receiving a callback (verify, decrypt, parse, inbox insert); the full path
    /// less storing is handling it (claim, externalcontact/get, writes, send_welcome_msg, acknowledgement, outbox relay).
    /// </summary>
    private static void PrintStages(TextWriter w, int rate, Stages s, RunResult run)
    {
        var idle = s.IdlePerSecond.TotalMilliseconds / rate;
        var http = s.Healthz.CpuMsEach;
        var stored = s.Stored.CpuMsEach;
        // Counted until the last welcome: with a backlog the tail is handling, not idling, so none of it is taken off.
        var full = run.Cpu.Server.TotalMilliseconds / run.Adds;
        w.WriteLine($"server CPU per add by stage (ms; idle {s.IdlePerSecond.TotalMilliseconds:F1} ms/s store-only, {s.IdleFull.TotalMilliseconds:F1} ms/s full)   target total <= 1 ms");
        w.WriteLine($"  {"idle (timers, polling) / rate",-52} {idle,6:F3}");
        w.WriteLine($"  {"HTTP request (/healthz - idle)",-52} {http - idle,6:F3}");
        w.WriteLine($"  {"receive + store (stored - /healthz)",-52} {stored - http,6:F3}   answer p50 {Percentiles.Of(s.Stored.LatencyMs, 50):F2} ms, p99 {Percentiles.Of(s.Stored.LatencyMs, 99):F2} ms");
        w.WriteLine($"  {"handle (full - stored)",-52} {full - stored,6:F3}");
        w.WriteLine($"  {"total (full path)",-52} {full,6:F3}");
    }
}
