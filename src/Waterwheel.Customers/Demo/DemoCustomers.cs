using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Customers.Ingest;
using Waterwheel.Customers.Sources;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Demo;

/// <summary>Finds the demo brand's tenant; the host knows which tenant the demo seeded.</summary>
public delegate Task<Guid?> DemoTenant(IServiceProvider services, CancellationToken ct);

/// <summary>
/// Gives the demo brand its customers after start, in the background so that readiness is not delayed: the demo
/// shoppers go through the tracking API's own accept path, under a source named 演示数据, once per cluster.
/// </summary>
internal sealed class DemoCustomers(IServiceScopeFactory scopes, IClusterLock locks, DemoTenant demoTenant, DemoWeComContacts contacts, TimeProvider time,
    ILogger<DemoCustomers> log) : BackgroundService
{
    public const int People = 5_000;
    public const string SourceName = "演示数据";
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
        await Seed(stoppingToken);
        // WeCom contacts keep arriving in the demo; each minute the new ones are bound to members, once per cluster.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BindContacts(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Binding demo WeCom contacts to members failed: {Error}", e.Message);
            }
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        }
    }

    private async Task Seed(CancellationToken stoppingToken)
    {
        await using var held = await locks.TryAcquire("customers.demo-seed", stoppingToken);
        if (held is null) return;
        await using var scope = scopes.CreateAsyncScope();
        if (await demoTenant(scope.ServiceProvider, stoppingToken) is not { } tenant) return;
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "demo");
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var source = await Source(db, tenant, stoppingToken);
        if (await db.Timeline.CountAsync(t => t.SourceId == source && t.Kind == TimelineKind.Identified, stoppingToken) >= People) return;

        var inbox = scope.ServiceProvider.GetRequiredService<TrackingInbox>();
        var sent = 0;
        foreach (var batch in DemoShoppers.Calls(People, time.GetUtcNow().UtcDateTime).Chunk(BatchSize))
        {
            var receivedAt = time.GetUtcNow().UtcDateTime;
            var errors = new Dictionary<string, string[]>();
            var messages = batch.Select(call => TrackingParser.Parse(call, null, source, receivedAt, null, "demo", errors)).OfType<TrackingMessage>().ToList();
            if (errors.Count > 0) throw new InvalidOperationException($"Demo calls are invalid: {string.Join("; ", errors.Keys)}");
            // Back-pressure applies to the demo as to any sender: wait and send again.
            while (!await inbox.TryAccept(tenant, messages, stoppingToken)) await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            sent += messages.Count;
        }
        log.LogInformation("Demo customers: {Calls} tracking calls for {People} people accepted", sent, People);
    }

    private async Task BindContacts(CancellationToken ct)
    {
        await using var held = await locks.TryAcquire("customers.demo-bind", ct);
        if (held is null) return;
        await using var scope = scopes.CreateAsyncScope();
        if (await demoTenant(scope.ServiceProvider, ct) is not { } tenant) return;
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "demo");
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var source = await Source(db, tenant, ct);
        var known = await contacts(scope.ServiceProvider, ct);
        var bound = await new DemoMemberLinks(db, scope.ServiceProvider.GetRequiredService<TrackingInbox>())
            .Bind(tenant, source, known, time.GetUtcNow().UtcDateTime, ct);
        if (bound > 0) log.LogInformation("Demo customers: {Count} WeCom contacts bound to members", bound);
    }

    private async Task<Guid> Source(CustomersDbContext db, Guid tenant, CancellationToken ct)
    {
        if (await db.Sources.Where(s => s.Name == SourceName && s.RevokedAt == null).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct) is { } id) return id;
        // The demo sends through the accept path itself, so its key is never needed.
        var (source, _) = EventSource.Issue(tenant, SourceName, "demo", time.GetUtcNow().UtcDateTime);
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        return source.Id;
    }
}
