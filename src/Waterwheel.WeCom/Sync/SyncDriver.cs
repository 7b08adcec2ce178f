using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// Runs one sync through its phases to the end (or failure), a page per step, each step in a fresh unit of work. The
/// caller makes sure no one else drives the same run (see <see cref="SyncWorker"/>).
/// </summary>
internal sealed class SyncDriver(IServiceScopeFactory scopes, TenantCorps corps, TimeProvider time, ILogger<SyncDriver> log)
{
    /// <summary>How often a page that lost a race is redone before the run gives up.</summary>
    private const int RedoLimit = 3;

    public async Task Drive(Guid runId, Guid tenantId, CancellationToken ct)
    {
        var corp = await corps.Find(tenantId, ct);
        var redone = 0;
        for (var more = true; more && !ct.IsCancellationRequested;)
        {
            try
            {
                more = await Step(runId, tenantId, corp, ct);
                redone = 0;
            }
            catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e) && ++redone <= RedoLimit)
            {
                // A callback stored the same new contact (or group, or tag) between this page's read and its write. The
                // page's checkpoint was not saved, so doing it again in a fresh unit of work finds that row and updates it.
                log.LogInformation("WeCom sync {RunId} lost a race on a page; redoing it ({Redo} of {Limit})", runId, redone, RedoLimit);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await RecordFailure(runId, tenantId, e);
                return;
            }
        }
    }

    /// <summary>One page; false when the run is over.</summary>
    private async Task<bool> Step(Guid runId, Guid tenantId, TenantCorp? corp, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, "wecom-sync");
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        var run = await db.SyncRuns.FirstAsync(r => r.Id == runId, ct);
        if (run.Status != SyncStatus.Running) return false;
        if (corp is null) throw new InvalidOperationException("The tenant has no WeCom connection.");
        return await scope.ServiceProvider.GetRequiredService<SyncRunStep>().Advance(run, corp, ct);
    }

    /// <summary>
    /// Records the failure in a unit of work of its own: the failed step's context may hold the very changes that
    /// failed, and saving it again would fail again and leave the run "running" for ever.
    /// </summary>
    private async Task RecordFailure(Guid runId, Guid tenantId, Exception e)
    {
        log.LogWarning("WeCom sync {RunId} failed: {Error}", runId, e.Message);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, "wecom-sync");
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
        var now = time.GetUtcNow().UtcDateTime;
        await db.SyncRuns.Where(r => r.Id == runId && r.Status == SyncStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, SyncStatus.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, now), CancellationToken.None);
    }
}
