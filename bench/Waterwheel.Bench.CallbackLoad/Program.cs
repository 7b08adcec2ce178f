using System.Diagnostics;
using Waterwheel.Bench.CallbackLoad;

// Callback load: a simulated crowd adds customers at a steady rate; every add reaches the real server, running in a
// child process, as an encrypted WeCom callback over loopback HTTP. Prints callback answer latency and add → welcome
// latency (p50/p99), events lost and duplicate welcomes, against a baseline of bare HTTP round trips to /healthz at the
// same rate in the same run, and the CPU each process used.
//   dotnet run -c Release --project bench/Waterwheel.Bench.CallbackLoad -- [rate/s=500] [seconds=60] [sqlite|postgres|both]
if (args.Length == 3 && args[0] == ServerProcess.Mode) return await ServerProcess.Run(args[1], args[2]);

var rate = args.Length > 0 ? int.Parse(args[0]) : 500;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 60;
var providers = (args.Length > 2 ? args[2] : "both") switch { "both" => new[] { "sqlite", "postgres" }, var p => [p] };

foreach (var provider in providers)
{
    if (provider == "postgres" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WATERWHEEL_TEST_POSTGRES")))
    {
        System.Console.WriteLine("postgres: skipped, WATERWHEEL_TEST_POSTGRES is not set (./test.sh shows how to start a cluster)");
        continue;
    }
    await using var rig = await LoadRig.Start(provider);
    await rig.WarmUp();
    var baseline = await rig.Baseline(rate, seconds: Math.Min(10, seconds));
    var loadBefore = LoadAverage();
    var clock = Stopwatch.StartNew();
    var run = await rig.Run(rate, seconds);
    Report.Print(provider, rate, seconds, baseline, run, clock.Elapsed, loadBefore, LoadAverage());
    ApiTimes.Print();
}
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
