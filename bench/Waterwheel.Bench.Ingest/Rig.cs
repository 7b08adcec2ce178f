using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.Testing;

namespace Waterwheel.Bench.Ingest;

internal sealed record IngestResult(
    int Events, Sent Sent, Progress Progress, TimeSpan ServerCpuAccepting, TimeSpan ServerCpu, TimeSpan? PostgresCpu, TimeSpan LoadCpu,
    InboxFate Fate, long Profiles, long Identities, IReadOnlyList<string> Profile, string ServerLogFile);

/// <summary>
/// One provider's run: a fresh database, the server in a child process, a source and its write key made through the
/// API as an operator would, the baseline's plain inserts, a warm-up, then the measured events.
/// </summary>
internal static class Rig
{
    // The warm-up's own people, so that the measured events meet none of them.
    private const int WarmUpPeople = 2_000;

    public static async Task<(BaselineResult, IngestResult)> Run(string provider, Settings settings)
    {
        await using var db = await BenchDatabase.Create(provider, settings.Postgres);
        await using var server = await ServerChild.Start(provider, db.ConnectionString, settings.Profile);
        var (tenantId, sourceId, writeKey) = await CreateSource(server.Address);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (batches, events) = Workload.Create("bench", settings.Events, settings.BatchSize, settings.People, settings.Seed, now);
        var (warmBatches, warmEvents) = Workload.Create("warm", settings.WarmUp, settings.BatchSize, WarmUpPeople, settings.Seed + 1, now);

        System.Console.WriteLine($"{provider}: baseline, {events.Count:N0} plain timeline rows …");
        var baseline = await Baseline.Run(db, Baseline.Rows(warmEvents.Take(1_000), tenantId, sourceId), Baseline.Rows(events, tenantId, sourceId),
            settings.BatchSize, db.Postgres ? settings.Senders : 1);

        using var http = Senders.Client(server.Address, writeKey);
        System.Console.WriteLine($"{provider}: warm-up, {settings.WarmUp:N0} events …");
        var warmClock = Stopwatch.StartNew();
        var warmWatch = Processed.Watch(db, 0, settings.WarmUp, warmClock, TimeSpan.FromMinutes(5));
        await Senders.Run(http, warmBatches, settings.Senders);
        if ((await warmWatch).Done is null) throw new InvalidOperationException($"The warm-up events were not all processed; see {server.LogFile}.");
        await Task.Delay(TimeSpan.FromSeconds(2));

        System.Console.WriteLine($"{provider}: {events.Count:N0} events …");
        long before;
        await using (var connection = await db.Open()) before = await BenchDatabase.Scalar(connection, $"SELECT COUNT(*) FROM {db.Timeline}");
        await server.Send("reset");
        var (cpu, pg, own) = (server.Cpu, db.Postgres ? PostgresCpu.Now() : null, Process.GetCurrentProcess().TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        var watch = Processed.Watch(db, before, events.Count, clock, TimeSpan.FromMinutes(settings.MaxMinutes));
        var sent = await Senders.Run(http, batches, settings.Senders);
        var cpuAccepting = server.Cpu - cpu;
        var progress = await watch;
        var (serverCpu, pgCpu, loadCpu) = (server.Cpu - cpu, PostgresCpu.Now() - pg, Process.GetCurrentProcess().TotalProcessorTime - own);
        var profile = await server.Profile();

        await using var read = await db.Open();
        var fate = await db.Fate(read);
        var profiles = await BenchDatabase.Scalar(read, $"SELECT COUNT(*) FROM {db.Profiles}");
        var identities = await BenchDatabase.Scalar(read, $"SELECT COUNT(*) FROM {db.Identities}");
        return (baseline, new IngestResult(events.Count, sent, progress, cpuAccepting, serverCpu, pgCpu, loadCpu, fate, profiles, identities, profile,
            server.LogFile));
    }

    /// <summary>Signs in as the first tenant's admin and creates an event source, as an operator does on the write keys page.</summary>
    private static async Task<(Guid Tenant, Guid Source, string WriteKey)> CreateSource(string address)
    {
        using var admin = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        (await admin.PostAsJsonAsync("/api/session", new { userName = WaterwheelApp.AdminUser, password = WaterwheelApp.AdminPassword })).EnsureSuccessStatusCode();
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        using var created = await admin.PostAsJsonAsync("/api/customers/sources", new { name = "Bench storefront" });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (tenant, body.GetProperty("source").GetProperty("id").GetGuid(), body.GetProperty("writeKey").GetString()!);
    }
}
