using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Waterwheel.Testing;

// Import throughput and memory: a generated Tmall-shaped CSV is uploaded to the real server (in process, on a fresh
// database), checked (the dry run) and committed. The baseline, measured in the same run on the same file, is reading
// it with CsvHelper alone. Peak managed memory is sampled while the server works, to show it stays flat as files grow.
//   dotnet run -c Release --project bench/Waterwheel.Bench.Imports -- [--rows 200000] [--commit-rows 20000] [--provider sqlite|postgres|both]
var rows = Option("--rows", 200_000);
var commitRows = Option("--commit-rows", 20_000);
var providerOption = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? "both";
var providers = providerOption == "both" ? new[] { "sqlite", "postgres" } : [providerOption];
if (Environment.GetEnvironmentVariable("WATERWHEEL_TEST_POSTGRES") is null)
{
    providers = providers.Where(p => p != "postgres").ToArray();
    Console.WriteLine("postgres: skipped, set WATERWHEEL_TEST_POSTGRES");
}

var big = Tmall(rows);
var small = Tmall(commitRows);
Console.WriteLine($"file: {rows:N0} rows, {big.Length / 1024.0 / 1024:N1} MB; commit file: {commitRows:N0} rows, {Environment.ProcessorCount} cores");
var baseline = Measure(() => { var n = ReadAlone(big); return Task.FromResult(n); });
Console.WriteLine($"baseline  CsvHelper read alone: {rows / baseline.Seconds:N0} rows/s");

foreach (var provider in providers)
{
    await using var app = new WaterwheelApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
    {
        ["Waterwheel:Customers:Imports:PollInterval"] = "00:00:00.100",
    });
    var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
    // The upload goes through the in-process test server, whose request buffers would count as the server's memory:
    // the samples start once the file is stored.
    var bigJob = await Upload(admin, big);
    var check = await Sampled(() => Until(admin, bigJob, "Validated"));
    var smallJob = await Upload(admin, small);
    await Until(admin, smallJob, "Validated");
    var commit = await Sampled(async () =>
    {
        (await admin.PostAsJsonAsync($"/api/customers/imports/{smallJob}/commit", new { mode = "AllOrNothing" })).EnsureSuccessStatusCode();
        await Until(admin, smallJob, "Done");
    });
    Console.WriteLine($"{provider,-9} dry run: {rows / check.Seconds:N0} rows/s ({check.Seconds / baseline.Seconds:N1}× the baseline's time), peak managed heap +{check.PeakMb:N0} MB");
    Console.WriteLine($"{provider,-9} commit:  {commitRows / commit.Seconds:N0} rows/s, peak managed heap +{commit.PeakMb:N0} MB");
}
return 0;

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v) : fallback;

static byte[] Tmall(int count)
{
    var text = new StringBuilder("订单编号,买家会员名,买家实际支付金额,订单创建时间,订单付款时间,收货人姓名,联系手机,收货地址,订单状态,宝贝标题\r\n");
    for (var i = 1; i <= count; i++)
        text.Append($"=\"2964{i:000000000000}\",tb_{i % (count / 3 + 1)},{i % 500}.90,2026-11-{1 + i % 28:00} 10:00:00,2026-11-{1 + i % 28:00} 10:01:00,顾客{i % 997},1380{i % (count / 3 + 1):0000000},浙江省杭州市西湖区,交易成功,羊绒围巾\r\n");
    return Encoding.UTF8.GetBytes(text.ToString());
}

static int ReadAlone(byte[] file)
{
    using var reader = CsvReader.Create(new MemoryStream(file), new CsvReaderOptions());
    var count = 0;
    while (reader.Read())
    {
        for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetString(i);
        count++;
    }
    return count;
}

static (double Seconds, int Result) Measure(Func<Task<int>> work)
{
    var clock = Stopwatch.StartNew();
    var result = work().GetAwaiter().GetResult();
    return (clock.Elapsed.TotalSeconds, result);
}

static async Task<(double Seconds, double PeakMb)> Sampled(Func<Task> work)
{
    var start = GC.GetTotalMemory(forceFullCollection: true);
    long peak = start;
    using var stop = new CancellationTokenSource();
    var sampling = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
        }
    });
    var clock = Stopwatch.StartNew();
    await work();
    var seconds = clock.Elapsed.TotalSeconds;
    await stop.CancelAsync();
    await sampling;
    return (seconds, (peak - start) / 1024.0 / 1024);
}

static async Task<Guid> Upload(HttpClient admin, byte[] file)
{
    var content = new MultipartFormDataContent();
    var part = new ByteArrayContent(file);
    part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    content.Add(part, "file", "bench.csv");
    using var uploaded = await admin.PostAsync("/api/customers/imports?template=tmall", content);
    uploaded.EnsureSuccessStatusCode();
    return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}

static async Task Until(HttpClient admin, Guid id, string status)
{
    while (true)
    {
        var job = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{id}");
        var now = job.GetProperty("status").GetString();
        if (now == status) return;
        if (now == "Failed") throw new InvalidOperationException(job.ToString());
        await Task.Delay(100);
    }
}
