using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// Fills the members' truth of a tenant that has none from the Customers module's façade: the first start of the module
/// over existing customers. Asked once per tenant per node (when its empty index is first read); runs under a cluster
/// lock so two nodes never fill one tenant together, and does nothing where members exist. Profiles that change while it
/// runs come through their events as well, which the writer settles.
/// </summary>
internal sealed class MemberBackfill(IServiceScopeFactory scopes, IClusterLock clusterLock, ILogger<MemberBackfill> log) : BackgroundService
{
    private const int Page = 500;
    private readonly Channel<Guid> _asked = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, bool> _seen = new();

    public void Ask(Guid tenantId)
    {
        if (_seen.TryAdd(tenantId, true)) _asked.Writer.TryWrite(tenantId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var tenant in _asked.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await Fill(tenant, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Filling the audience members of tenant {Tenant} failed; it is asked again at the next start", tenant);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> Fill(Guid tenant, CancellationToken ct)
    {
        await using var held = await clusterLock.TryAcquire($"audiences-backfill:{tenant:N}", ct);
        if (held is null) return 0;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "audience-backfill");
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        if (await db.Members.AnyAsync(ct)) return 0;
        var facts = scope.ServiceProvider.GetRequiredService<ICustomerFacts>();
        var writer = scope.ServiceProvider.GetRequiredService<MemberWriter>();
        var catalog = await TenantCatalog.Load(facts, ct);
        var written = 0;
        for (var skip = 0; ; skip += Page)
        {
            var page = await facts.Page(skip, Page, ct);
            written += await writer.Write(page.Select(f => (f.ProfileId, (CustomerFacts?)f)).ToList(), catalog, ct);
            db.ChangeTracker.Clear();
            if (page.Count < Page) return written;
        }
    }
}
