using Waterwheel.Platform.Jobs;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// Starts a reconciliation (a full sync) for every connected tenant whose last one began a day ago. A cluster job: one
/// node at a time asks, and the one-running-run-per-tenant index turns a race with a manual start into a no-op.
/// </summary>
internal sealed class ReconciliationSchedule(WeComDbContext db, TimeProvider time) : IRecurringJob
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(24);

    public async Task Run(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = now - Every;
        var tenants = await db.Connections.IgnoreQueryFilters().Select(c => c.TenantId)
            .Where(t => !db.SyncRuns.IgnoreQueryFilters().Any(r => r.TenantId == t && (r.Status == SyncStatus.Running || r.StartedAt > due)))
            .ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            var run = new SyncRun { TenantId = tenant, Status = SyncStatus.Running, StartedAt = now, RequestedBy = "scheduled" };
            db.SyncRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                db.Entry(run).State = EntityState.Detached; // someone started one a moment ago: that one reconciles too
            }
        }
    }
}
