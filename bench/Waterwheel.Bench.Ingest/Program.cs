using System.Diagnostics;
using Waterwheel.Bench.Ingest;

// Ingest throughput: Segment-shaped events sent as /v1/batch requests of 100 calls by a few concurrent senders to the
// real server (in a child process, on a fresh database), measured as accepted (HTTP 200) and as processed (every
// accepted event a timeline line, its identities resolved), against a baseline measured in the same run on the same
// database: the same rows as plain multi-row INSERTs. Prints one table per provider.
//   dotnet run -c Release --project bench/Waterwheel.Bench.Ingest -- [--events 100000] [--senders 8] [--provider sqlite|postgres|both] [--postgres <connstring>] [--max-minutes 10] [--profile]
if (args.Length == 4 && args[0] == ServerProcess.Mode) return await ServerProcess.Run(args[1], args[2], args[3] == "profile");

var settings = Settings.Parse(args);
if (!settings.Providers.Contains("postgres"))
    System.Console.WriteLine("postgres: skipped, give --postgres <connstring> or set WATERWHEEL_TEST_POSTGRES (a server where the bench may create a database)");
foreach (var provider in settings.Providers)
{
    var loadBefore = Machine.LoadAverage();
    var clock = Stopwatch.StartNew();
    var (baseline, run) = await Rig.Run(provider, settings);
    Report.Print(provider, settings, baseline, run, clock.Elapsed, loadBefore, Machine.LoadAverage());
}
return 0;
