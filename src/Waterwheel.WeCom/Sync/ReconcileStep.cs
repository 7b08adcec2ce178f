using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Groups;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// The last phase: relations and groups we hold as active that this full pass did not see ended without a callback
/// reaching us. Ones that began shortly before the run may have arrived after their page was read, so they wait for
/// the next run.
/// </summary>
internal sealed class ReconcileStep(WeComDbContext db, TimeProvider time) : ISyncPhaseStep
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    public SyncPhase Phase => SyncPhase.Reconcile;

    public async Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settled = run.StartedAt - SettleTime;
        run.Ended = await db.Relations
            .Where(r => r.Status == RelationStatus.Active && r.SeenBySync != run.Id && r.AddedAt < settled)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RelationStatus.NotFoundAtSync).SetProperty(r => r.EndedAt, now), ct);
        run.GroupsEnded = await db.Groups
            .Where(g => g.Status == GroupStatus.Active && g.SeenBySync != run.Id && g.CreatedAt < settled)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupStatus.NotFoundAtSync).SetProperty(g => g.EndedAt, now)
                .SetProperty(g => g.UpdatedAt, now), ct);
        run.Enter(SyncPhase.Done);
        run.Status = SyncStatus.Succeeded;
        run.FinishedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
