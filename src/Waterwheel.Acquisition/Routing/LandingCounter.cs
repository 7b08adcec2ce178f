using Waterwheel.Acquisition.Pools;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// Counts what landing pages see, one row per code and day. Every node adds by an atomic UPDATE (column = column + 1);
/// the first event of a day inserts the row, and a node that loses that insert to another (the key is unique) adds
/// by UPDATE after all. No count is read and written back, so none is lost between two nodes.
/// </summary>
internal sealed class LandingCounter(AcquisitionDbContext db, PoolSync pools)
{
    public async Task Add(Guid tenantId, Guid codeId, LandingEvent what, CancellationToken ct)
    {
        var (_, day) = await pools.Today(ct);
        if (await Increment(codeId, day, what, ct) > 0) return;
        var row = new LandingCount { TenantId = tenantId, CodeId = codeId, Day = day };
        Bump(row, what);
        db.LandingCounts.Add(row);
        if (await db.SaveOrStale(ct) is null) return;
        db.Entry(row).State = EntityState.Detached;
        await Increment(codeId, day, what, ct);
    }

    private Task<int> Increment(Guid codeId, DateOnly day, LandingEvent what, CancellationToken ct)
    {
        var rows = db.LandingCounts.Where(c => c.CodeId == codeId && c.Day == day);
        return db.Serialized(() => what switch
        {
            LandingEvent.View => rows.ExecuteUpdateAsync(u => u.SetProperty(c => c.Views, c => c.Views + 1), ct),
            LandingEvent.Grant => rows.ExecuteUpdateAsync(u => u.SetProperty(c => c.Grants, c => c.Grants + 1), ct),
            LandingEvent.Denial => rows.ExecuteUpdateAsync(u => u.SetProperty(c => c.Denials, c => c.Denials + 1), ct),
            LandingEvent.Routed => rows.ExecuteUpdateAsync(u => u.SetProperty(c => c.Routed, c => c.Routed + 1), ct),
            _ => rows.ExecuteUpdateAsync(u => u.SetProperty(c => c.Fallbacks, c => c.Fallbacks + 1), ct),
        }, ct);
    }

    private static void Bump(LandingCount row, LandingEvent what)
    {
        switch (what)
        {
            case LandingEvent.View: row.Views++; break;
            case LandingEvent.Grant: row.Grants++; break;
            case LandingEvent.Denial: row.Denials++; break;
            case LandingEvent.Routed: row.Routed++; break;
            default: row.Fallbacks++; break;
        }
    }
}
