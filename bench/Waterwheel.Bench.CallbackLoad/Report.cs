namespace Waterwheel.Bench.CallbackLoad;

/// <summary>CPU seconds each process used during the run, and the wall time it took.</summary>
internal sealed record CpuUse(TimeSpan Server, TimeSpan LoadSide, TimeSpan Wall);

internal sealed record RunResult(int Adds, int Answered, IReadOnlyList<double> PostMs, IReadOnlyList<double> PushMs, IReadOnlyList<double> WelcomeMs,
    int Lost, int DuplicateWelcomes, double AchievedRate, CpuUse Cpu, int ServerLogLines, string ServerLogFile);

internal static class Report
{
    public static void Print(string provider, int rate, int seconds, IReadOnlyList<double> baselineMs, RunResult run, TimeSpan took, string loadBefore, string loadAfter)
    {
        var post50 = Percentiles.Of(run.PostMs, 50);
        var post99 = Percentiles.Of(run.PostMs, 99);
        var base50 = Percentiles.Of(baselineMs, 50);
        var base99 = Percentiles.Of(baselineMs, 99);
        var cores = Environment.ProcessorCount;
        System.Console.WriteLine($"== {provider}: {run.Adds} adds at {rate}/s for {seconds} s (achieved {run.AchievedRate:F0}/s, took {took.TotalSeconds:F0} s)");
        System.Console.WriteLine($"   server in its own process; simulator + crowd + load generator in this one; both share the machine's {cores} cores");
        System.Console.WriteLine("   the client's per-corp WeCom budget is lifted: real WeCom allows ~166 calls/s per API for one corp");
        System.Console.WriteLine($"   load average before {loadBefore}, after {loadAfter} (other work on the machine shows here)");
        System.Console.WriteLine($"baseline GET /healthz       p50 {base50,8:F2} ms   p99 {base99,8:F2} ms");
        System.Console.WriteLine($"callback POST answer        p50 {post50,8:F2} ms   p99 {post99,8:F2} ms   ratio to baseline p50 {post50 / base50:F1}x, p99 {post99 / base99:F1}x   (target p99 < 50 ms)");
        System.Console.WriteLine($"whole push (seal + tries)   p50 {Percentiles.Of(run.PushMs, 50),8:F2} ms   p99 {Percentiles.Of(run.PushMs, 99),8:F2} ms");
        System.Console.WriteLine($"add -> welcome at WeCom     p50 {Percentiles.Of(run.WelcomeMs, 50),8:F1} ms   p99 {Percentiles.Of(run.WelcomeMs, 99),8:F1} ms   (target p99 < 1000 ms)");
        System.Console.WriteLine($"answered {run.Answered}/{run.Adds} ({run.PostMs.Count - run.Adds} retried POSTs); events lost {run.Lost}; duplicate welcomes {run.DuplicateWelcomes}   (target 0 and 0)");
        var wall = run.Cpu.Wall.TotalSeconds;
        System.Console.WriteLine($"CPU during the adds: server {run.Cpu.Server.TotalSeconds:F1} s ({run.Cpu.Server.TotalSeconds / wall * 100 / cores:F0}% of the machine, " +
            $"{run.Cpu.Server.TotalMilliseconds / run.Adds:F2} ms per add), load side {run.Cpu.LoadSide.TotalSeconds:F1} s ({run.Cpu.LoadSide.TotalSeconds / wall * 100 / cores:F0}%); " +
            $"server log lines {run.ServerLogLines} ({run.ServerLogFile})");
    }
}
