using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Demo;
using Waterwheel.Platform.Demo;
using Waterwheel.Testing;

// Customer search at scale: the real app (in-process) on a fresh database filled with N generated members, asked what
// operators ask of the customer list — the first page, a page deep in the list, a name, a surname, a mobile's last four
// digits, a full mobile, a member number — each through the HTTP API with its data scope, time for time against the
// cheapest signed-in request in the same run (GET /api/platform/me) as the baseline.
//   dotnet run -c Release --project bench/Waterwheel.Bench.Search -- [--customers 1000000] [--samples 200] [--provider postgres|sqlite]
var customers = Option("--customers", 1_000_000);
var samples = Option("--samples", 200);
var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? "postgres";

await using var database = await TestDatabase.Create(provider);
await using var app = new WaterwheelApp(database);
var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();

var filling = Stopwatch.StartNew();
await app.Services.GetRequiredService<ScaleCustomers>().Generate(tenant, customers,
    new Progress<int>(done => { if (done % 100_000 == 0) Console.Error.WriteLine($"  {done:N0} customers written"); }), default);
filling.Stop();
Console.WriteLine($"{provider}: {customers:N0} customers written in {filling.Elapsed.TotalSeconds:N0} s ({customers / filling.Elapsed.TotalSeconds:N0}/s)");
if (provider == "postgres") await Analyse(database);

var random = new Random(42);
var people = new DemoPeople(7);
string Member() => $"{ScaleCustomers.MemberPrefix}{random.Next(1, customers + 1):D7}";
string Mobile() => $"166{(long)random.Next(1, customers + 1) * 7919 % 100_000_000:D8}";
var deepCursor = await CursorAt(admin, pages: 50);
var queries = new (string Name, Func<string> Url)[]
{
    ("baseline: GET /api/platform/me", () => "/api/platform/me"),
    ("first page, most recently seen", () => "/api/customers/profiles"),
    ("page 51 (after a cursor)", () => $"/api/customers/profiles?after={Uri.EscapeDataString(deepCursor)}"),
    ("first page by name", () => "/api/customers/profiles?sort=name"),
    ("full name (张伟 …)", () => $"/api/customers/profiles?q={Uri.EscapeDataString(people.NextName())}"),
    ("surname only (张 …)", () => $"/api/customers/profiles?q={Uri.EscapeDataString(people.NextName()[..1])}"),
    ("mobile's last 4 digits", () => $"/api/customers/profiles?q={Mobile()[^4..]}"),
    ("full mobile", () => $"/api/customers/profiles?q={Mobile()}"),
    ("member number", () => $"/api/customers/profiles?q={Member()}"),
};

var results = new List<(string Name, double P50, double P95, double Max)>();
foreach (var (name, url) in queries)
{
    for (var i = 0; i < 5; i++) (await admin.GetAsync(url())).EnsureSuccessStatusCode();
    var times = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await admin.GetAsync(url());
        await response.Content.ReadAsByteArrayAsync();
        times.Add(clock.Elapsed.TotalMilliseconds);
        response.EnsureSuccessStatusCode();
    }
    results.Add((name, Percentiles.Of(times, 50), Percentiles.Of(times, 95), times.Max()));
}

var baseline = results[0];
Console.WriteLine($"{provider}, {customers:N0} customers, {samples} requests each, HQ admin (whole tenant in scope); ratio = p95 / baseline p95");
Console.WriteLine($"   {"query",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"ratio",7}");
foreach (var r in results)
    Console.WriteLine($"   {r.Name,-34} {r.P50,8:F1} {r.P95,8:F1} {r.Max,8:F1} {r.P95 / baseline.P95,7:F1}");
return 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text && int.TryParse(text, out var value) ? value : fallback;

static async Task<string> CursorAt(HttpClient client, int pages)
{
    string? after = null;
    for (var i = 0; i < pages; i++)
    {
        var url = "/api/customers/profiles" + (after is null ? "" : $"?after={Uri.EscapeDataString(after)}");
        after = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("next").GetString();
    }
    return after!;
}

// Fresh bulk-loaded tables have no statistics until autovacuum comes round; a brand's database has them.
static async Task Analyse(TestDatabase database)
{
    await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
    await connection.OpenAsync();
    await using var analyse = new Npgsql.NpgsqlCommand("ANALYZE", connection);
    await analyse.ExecuteNonQueryAsync();
}
