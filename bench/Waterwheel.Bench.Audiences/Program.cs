using System.Diagnostics;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Sql;
using Waterwheel.Bench.Audiences;
using Waterwheel.Testing;

// The audience engine at a brand's scale: N generated customers (300 tags of Zipf popularity, weighted cities,
// log-normal spend, three years of dates) built into the index from records (the rebuild), then segments of 2, 5 and
// 10 terms counted and materialised, against the same COUNT on PostgreSQL (COPY-loaded, with b-tree indexes) and on
// SQLite, at the same size or a smaller one when loading that many is too slow, in one run.
//   dotnet run -c Release --project bench/Waterwheel.Bench.Audiences -- [--customers 10000000] [--samples 200]
//       [--sql-samples 5] [--postgres-customers N] [--sqlite-customers 1000000] [--skip-postgres] [--skip-sqlite]
var customers = Option("--customers", 10_000_000);
var samples = Option("--samples", 200);
var sqlSamples = Option("--sql-samples", 5);
var postgresCustomers = Math.Min(customers, Option("--postgres-customers", customers));
var sqliteCustomers = Math.Min(customers, Option("--sqlite-customers", 1_000_000));
var catalog = new FieldCatalog();
var today = Population.Today;
var queries = BenchQueries.Parse(catalog);
// A tag no query names, so that the changes timed below leave the counts compared with SQL as they were.
var changedTag = Guid.CreateVersion7();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => $"{a} {b}")}");
var clock = Stopwatch.StartNew();
var people = new Population(customers);
Console.WriteLine($"generated {customers:N0} customers in {clock.Elapsed.TotalSeconds:N1} s ({people.Tags.Length / (double)customers:N1} tags each)");

var workingSetBefore = WorkingSet();
clock.Restart();
using var index = AudienceIndex.Build(catalog, people.Records());
var rebuild = clock.Elapsed;
var workingSetGrowth = WorkingSet() - workingSetBefore;
var bitmapBytes = index.BitmapBytes();
var perMillion = 1_000_000.0 / customers / (1 << 20);
Console.WriteLine($"rebuild from records: {rebuild.TotalSeconds:N1} s ({customers / rebuild.TotalSeconds:N0} customers/s)");
Console.WriteLine($"memory: bitmaps {bitmapBytes / (double)(1 << 20):N0} MB ({bitmapBytes * perMillion:N1} MB per 1M customers); "
    + $"working set grew {workingSetGrowth / (double)(1 << 20):N0} MB ({workingSetGrowth * perMillion:N1} MB per 1M); "
    + $"process working set {WorkingSet() / (double)(1 << 20):N0} MB with the generated population");

// First with every range walked over its slices (what the first count of a new range, or of a new day, costs), then
// with the ranges' results kept by the index (what each further click of an operator's builder costs).
index.KeepsRanges = false;
var walked = queries.Select(q => (Count: index.Count(q.Segment, today), Times: Time(samples, () => index.Count(q.Segment, today)))).ToList();
index.KeepsRanges = true;
var engine = queries.Select(q => (q.Name, q.Segment, Count: index.Count(q.Segment, today),
    CountTimes: Time(samples, () => index.Count(q.Segment, today)),
    CountCpu: CpuTime(samples, () => index.Count(q.Segment, today)),
    MaterialiseTimes: Time(samples, () => { using var members = index.Materialise(q.Segment, today); _ = members.Ordinals; }),
    MaterialiseCpu: CpuTime(samples, () => { using var members = index.Materialise(q.Segment, today); _ = members.Ordinals; }),
    BitmapOnly: Time(samples, () => { using var members = index.Materialise(q.Segment, today); }))).ToList();
for (var i = 0; i < engine.Count; i++)
    if (engine[i].Count != walked[i].Count) throw new InvalidOperationException($"{engine[i].Name}: {engine[i].Count} with kept ranges, {walked[i].Count} walked");
Console.WriteLine($"\nengine, {customers:N0} customers, {samples} runs each; wall time, and the thread's CPU time in brackets");
Console.WriteLine($"   {"segment",-16} {"members",12} {"count p50",18} {"p99",8} {"ranges walked p50",18} {"ratio",7} {"materialise p50",20} {"p99",8} {"of which bitmap",16}  (ms)");
for (var i = 0; i < engine.Count; i++)
{
    var e = engine[i];
    Console.WriteLine($"   {e.Name,-16} {e.Count,12:N0} {P(e.CountTimes, 50),9:F3} ({P(e.CountCpu, 50),6:F3}) {P(e.CountTimes, 99),8:F3} "
        + $"{P(walked[i].Times, 50),18:F3} {P(walked[i].Times, 50) / P(e.CountTimes, 50),6:F1}x "
        + $"{P(e.MaterialiseTimes, 50),11:F2} ({P(e.MaterialiseCpu, 50),6:F2}) {P(e.MaterialiseTimes, 99),8:F2} {P(e.BitmapOnly, 50),16:F2}");
}

// What one bitmap operation costs here, to read the counts by: a count is a handful of these.
var bitmaps = index.Bitmaps().ToDictionary(b => b.Name, b => b.Bitmap);
var (consented, lapsed) = (bitmaps["consent_wecom = true"], bitmaps[$"tag {Population.TagIds[0]}"]);
var andCount = Time(samples, () => consented.AndCount(lapsed));
var and = Time(samples, () => { using var both = consented.And(lapsed); });
Console.WriteLine($"one operation on two dense bitmaps ({consented.Count:N0} and {lapsed.Count:N0} customers): "
    + $"AndCount p50 {P(andCount, 50):F3} ms, And p50 {P(and, 50):F3} ms");

var changes = Time(1_000, () => { index.SetTag(Random.Shared.Next(customers), changedTag); });
Console.WriteLine($"a tag set on one customer: p50 {P(changes, 50) * 1000:F1} µs, p99 {P(changes, 99) * 1000:F1} µs (then counted by the next count)");

if (!args.Contains("--skip-postgres") && Environment.GetEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable) is not null)
    await Baseline("postgres", postgresCustomers);
if (!args.Contains("--skip-sqlite")) await Baseline("sqlite", sqliteCustomers);
return 0;

async Task Baseline(string provider, int size)
{
    Console.WriteLine($"\n{provider}, {size:N0} customers{(size < customers ? $" (fewer than the engine's {customers:N0}: loading more takes too long here)" : "")}");
    await using var database = await TestDatabase.Create(provider);
    await using var connection = await SqlBaseline.Load(database, people, size, catalog);
    var sized = size == customers ? null : AudienceIndex.Build(catalog, people.Records().Take(size));
    var engineAtSize = sized ?? index;
    var dialect = provider == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite;
    Console.WriteLine($"   {"segment",-16} {"members",12} {"sql p50",10} {"engine p50",11} {"ratio",9}  (ms; count)");
    foreach (var (name, segment) in queries)
    {
        var query = SqlTranslator.Count(segment, SqlBaseline.Tenant, today, dialect, catalog);
        var count = await SqlBaseline.Count(connection, query);
        if ((ulong)count != engineAtSize.Count(segment, today))
            throw new InvalidOperationException($"{provider} counts {count:N0} for {name}, the engine {engineAtSize.Count(segment, today):N0}.");
        var sqlTimes = new List<double>();
        for (var i = 0; i < sqlSamples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SqlBaseline.Count(connection, query);
            sqlTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var engineTimes = Time(samples, () => engineAtSize.Count(segment, today));
        Console.WriteLine($"   {name,-16} {count,12:N0} {P(sqlTimes, 50),10:F1} {P(engineTimes, 50),11:F3} {P(sqlTimes, 50) / P(engineTimes, 50),8:N0}×");
    }
    sized?.Dispose();
}

static List<double> Time(int runs, Action action)
{
    for (var i = 0; i < Math.Min(5, runs); i++) action();
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    return times;
}

static List<double> CpuTime(int runs, Action action)
{
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var started = ThreadClock.Milliseconds();
        action();
        times.Add(ThreadClock.Milliseconds() - started);
    }
    return times;
}

static double P(IReadOnlyList<double> times, double percentile) => Percentiles.Of(times, percentile);

static long WorkingSet()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var process = Process.GetCurrentProcess();
    return process.WorkingSet64;
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text && int.TryParse(text, out var value) ? value : fallback;
