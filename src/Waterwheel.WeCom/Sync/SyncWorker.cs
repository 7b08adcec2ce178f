using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Jobs;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// Drives running syncs page by page. Every node looks for running syncs; a tenant's sync is driven by whichever node
/// holds that tenant's cluster lock, so one run never advances on two nodes, and tenants advance side by side: one
/// brand's long full sync does not hold up another's. A run's state is in its row, so when its node dies another takes
/// the lock (released with the dead node's connection) and carries on from the last checkpoint.
/// </summary>
internal sealed class SyncWorker(IServiceScopeFactory scopes, IClusterLock clusterLock, SyncDriver driver, ILogger<SyncWorker> log) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    /// <summary>Tenants one node drives at once; the rest wait for a free slot here or on another node.</summary>
    private const int MaxTenantsPerNode = 4;

    private readonly ConcurrentDictionary<Guid, Task> _driving = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (runId, tenantId) in await Running(stoppingToken))
                    if (_driving.Count < MaxTenantsPerNode && !_driving.ContainsKey(tenantId)) await TryDrive(runId, tenantId, stoppingToken);
                await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database was unreachable, say: the next look comes after the usual pause.
                log.LogError(e, "Looking for WeCom syncs to drive failed");
                await Task.Delay(Idle, CancellationToken.None);
            }
        }
        // A stopping node leaves its runs as they are (checkpointed, still running) for another node to continue.
        await Task.WhenAll(_driving.Values);
    }

    private async Task TryDrive(Guid runId, Guid tenantId, CancellationToken stoppingToken)
    {
        var held = await clusterLock.TryAcquire($"wecom-sync:{tenantId:N}", stoppingToken);
        if (held is null) return;
        _driving[tenantId] = Task.Run(async () =>
        {
            try
            {
                await using (held)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
                    await driver.Drive(runId, tenantId, linked.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping, or the lock's connection broke: the run stays checkpointed for the next holder.
            }
            catch (Exception e)
            {
                log.LogError(e, "Driving WeCom sync {RunId} failed", runId);
            }
            finally
            {
                _driving.TryRemove(tenantId, out _);
            }
        }, CancellationToken.None);
    }

    private async Task<List<(Guid RunId, Guid TenantId)>> Running(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        return (await db.SyncRuns.IgnoreQueryFilters().Where(r => r.Status == SyncStatus.Running)
            .Select(r => new { r.Id, r.TenantId }).ToListAsync(ct)).Select(r => (r.Id, r.TenantId)).ToList();
    }
}
