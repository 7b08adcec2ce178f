namespace Waterwheel.Bench.CallbackLoad;

internal sealed record RunResult(int Adds, int Answered, IReadOnlyList<double> AnswerMs, IReadOnlyList<double> WelcomeMs, int Lost, int DuplicateWelcomes, double AchievedRate);

internal static class Report
{
    public static void Print(string provider, int rate, int seconds, IReadOnlyList<double> baselineMs, RunResult run, TimeSpan took)
    {
        var answer50 = Percentiles.Of(run.AnswerMs, 50);
        var answer99 = Percentiles.Of(run.AnswerMs, 99);
        var base50 = Percentiles.Of(baselineMs, 50);
        var base99 = Percentiles.Of(baselineMs, 99);
        System.Console.WriteLine($"== {provider}: {run.Adds} adds at {rate}/s for {seconds} s (achieved {run.AchievedRate:F0}/s, took {took.TotalSeconds:F0} s)");
        System.Console.WriteLine($"baseline GET /healthz       p50 {base50,8:F2} ms   p99 {base99,8:F2} ms");
        System.Console.WriteLine($"callback answer             p50 {answer50,8:F2} ms   p99 {answer99,8:F2} ms   ratio to baseline p50 {answer50 / base50:F1}x, p99 {answer99 / base99:F1}x   (target p99 < 50 ms)");
        System.Console.WriteLine($"add -> welcome message      p50 {Percentiles.Of(run.WelcomeMs, 50),8:F1} ms   p99 {Percentiles.Of(run.WelcomeMs, 99),8:F1} ms   (target p99 < 1000 ms)");
        System.Console.WriteLine($"answered {run.Answered}/{run.Adds}; events lost {run.Lost}; duplicate welcomes {run.DuplicateWelcomes}   (target 0 and 0)");
    }
}
