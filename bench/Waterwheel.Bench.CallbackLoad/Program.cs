using System.Diagnostics;
using Waterwheel.Bench.CallbackLoad;

// Callback load: a simulated crowd adds customers at a steady rate, spread over several corps (each connected to its own
// tenant); every add reaches the real server, running in a child process, as an encrypted WeCom callback over loopback
// HTTP. Prints callback answer latency and add → welcome latency (p50/p99), events lost and duplicate welcomes, and the
// server's CPU per add by stage, from differential runs at the same rate in the same invocation: idle, bare /healthz
// requests, callbacks stored but not handled (inbox processor off), and the full path.
//   dotnet run -c Release --project bench/Waterwheel.Bench.CallbackLoad -- [rate/s=500] [seconds=60] [sqlite|postgres|both] [corps=5]
if (args.Length == 5 && args[0] == ServerProcess.Mode) return await ServerProcess.Run(args[1], args[2], args[3], int.Parse(args[4]));

var rate = args.Length > 0 ? int.Parse(args[0]) : 500;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 60;
var providers = (args.Length > 2 ? args[2] : "both") switch { "both" => new[] { "sqlite", "postgres" }, var p => [p] };
var corps = args.Length > 3 ? int.Parse(args[3]) : 5;
// The stage runs only need enough requests for a steady CPU figure.
var stageSeconds = Math.Min(seconds, 20);

foreach (var provider in providers)
{
    if (provider == "postgres" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WATERWHEEL_TEST_POSTGRES")))
    {
        System.Console.WriteLine("postgres: skipped, WATERWHEEL_TEST_POSTGRES is not set (./test.sh shows how to start a cluster)");
        continue;
    }
    var loadBefore = LoadAverage();
    var clock = Stopwatch.StartNew();
    Stages stages;
    await using (var storing = await LoadRig.Start(provider, ServerProcess.StoreOnly, corps))
    {
        await storing.WarmUp(waitForWelcomes: false);
        var healthz = await storing.Healthz(rate, stageSeconds);
        var stored = await storing.StoreOnly(rate, stageSeconds);
        // Idle is measured last: right after the warm-up the runtime is still recompiling hot methods in the background.
        stages = new Stages(await storing.IdleCpuPerSecond(10), healthz, stored);
    }
    await using var rig = await LoadRig.Start(provider, ServerProcess.Full, corps);
    var warmUp = await rig.WarmUp(waitForWelcomes: true);
    var jitBefore = await rig.JitTime();
    var run = await rig.Run(rate, seconds);
    var jitDuring = await rig.JitTime() - jitBefore;
    var idleFull = await rig.IdleCpuPerSecond(10);
    Report.Print(provider, rate, seconds, corps, stages with { IdleFull = idleFull }, run, clock.Elapsed, loadBefore, LoadAverage());
    System.Console.WriteLine($"   warm-up {warmUp.TotalSeconds:F0} s until the JIT went quiet; JIT during the measured run {jitDuring.TotalSeconds:F2} s " +
        $"({jitDuring.TotalMilliseconds / run.Adds:F3} ms per add, inside the figures above)");
    ApiTimes.Print();
}
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
