using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// Drives running syncs page by page, and starts a reconciliation for every connected tenant once a day. A run's
/// state is in its row, so after a restart the worker simply carries on with it.
/// </summary>
internal sealed class SyncWorker(IServiceScopeFactory scopes, TenantCorps corps, TimeProvider time, ILogger<SyncWorker> log) : BackgroundService
{
    public static readonly TimeSpan Reconciliation = TimeSpan.FromHours(24);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScheduleReconciliations(stoppingToken);
                foreach (var (runId, tenantId) in await Running(stoppingToken)) await Drive(runId, tenantId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "WeCom sync round failed");
            }
            await Task.Delay(Idle, time, stoppingToken);
        }
    }

    private async Task<List<(Guid, Guid)>> Running(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        return (await db.SyncRuns.IgnoreQueryFilters().Where(r => r.Status == SyncStatus.Running)
            .Select(r => new { r.Id, r.TenantId }).ToListAsync(ct)).Select(r => (r.Id, r.TenantId)).ToList();
    }

    /// <summary>Runs one sync through its phases to the end (or failure), a page per step, each step in a fresh unit of work.</summary>
    public async Task Drive(Guid runId, Guid tenantId, CancellationToken ct)
    {
        var corp = await corps.Find(tenantId, ct);
        for (var more = true; more && !ct.IsCancellationRequested;)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, "wecom-sync");
            var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
            var run = await db.SyncRuns.FirstAsync(r => r.Id == runId, ct);
            if (run.Status != SyncStatus.Running) return;
            try
            {
                if (corp is null) throw new InvalidOperationException("The tenant has no WeCom connection.");
                more = await scope.ServiceProvider.GetRequiredService<SyncRunStep>().Advance(run, corp, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("WeCom sync {RunId} failed: {Error}", runId, e.Message);
                run.Status = SyncStatus.Failed;
                run.Error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                run.FinishedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
        }
    }

    private async Task ScheduleReconciliations(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        var due = time.GetUtcNow().UtcDateTime - Reconciliation;
        var tenants = await db.Connections.IgnoreQueryFilters().Select(c => c.TenantId)
            .Where(t => !db.SyncRuns.IgnoreQueryFilters().Any(r => r.TenantId == t && (r.Status == SyncStatus.Running || r.StartedAt > due)))
            .ToListAsync(ct);
        foreach (var tenant in tenants)
            db.SyncRuns.Add(new SyncRun { TenantId = tenant, Status = SyncStatus.Running, StartedAt = time.GetUtcNow().UtcDateTime, RequestedBy = "scheduled" });
        if (tenants.Count > 0) await db.SaveChangesAsync(ct);
    }
}
