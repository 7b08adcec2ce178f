using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Pools;

/// <summary>
/// Once per cluster every minute: expired codes leave WeCom (del_contact_way), and every live code's way is brought
/// in line with its pool as time moves (a schedule opening or closing, a new day resetting caps). Tenant by tenant as
/// each tenant's system actor; a code whose update fails is tried again next round.
/// </summary>
internal sealed class PoolUpkeep(AcquisitionDbContext db, IServiceScopeFactory scopes, TimeProvider time, ILogger<PoolUpkeep> log) : IRecurringJob
{
    public async Task Run(CancellationToken ct)
    {
        // Which tenants have live codes: the one question asked across tenants, on purpose.
        var tenants = await db.Codes.IgnoreQueryFilters().Where(c => c.Status == LiveCodeStatus.Active).Select(c => c.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants) await Tend(tenant, ct);
    }

    private async Task Tend(Guid tenant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "acquisition-pools");
        var tenantDb = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        var pools = scope.ServiceProvider.GetRequiredService<PoolSync>();
        var ways = scope.ServiceProvider.GetRequiredService<IWeComContactWays>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var code in await tenantDb.Codes.AsNoTracking().Where(c => c.Status == LiveCodeStatus.Active).ToListAsync(ct))
        {
            var outcome = code.ExpiresAt <= now ? await Expire(tenantDb, ways, scope.ServiceProvider, code, ct) : await pools.Refresh(code, ct);
            if (!outcome.IsDone) log.LogWarning("Live code {CodeId}: WeCom answered {Status}; trying again next round", code.Id, outcome.Status);
        }
    }

    private static async Task<ContactWayOutcome> Expire(AcquisitionDbContext db, IWeComContactWays ways, IServiceProvider services, LiveCode code, CancellationToken ct)
    {
        // A nearest-store code has no way of its own: its staff members' ways go. The ways of its opened parcel cards go too.
        var deleted = code.Routing is null ? await ways.Delete(code.TenantId, code.ConfigId, ct) : await services.GetRequiredService<Routing.StoreWays>().RemoveAll(code, ct);
        if (deleted.IsDone) deleted = await services.GetRequiredService<Cards.CardWays>().RemoveAll(code, ct);
        if (!deleted.IsDone) return deleted;
        // The code's version moves: an operator's open edit of an expired code is refused as stale, as it should be.
        await db.Serialized(() => db.Codes.Where(c => c.Id == code.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, LiveCodeStatus.Expired).SetProperty(c => c.LiveUserIds, new List<string>())
                .SetProperty(c => c.Version, c => c.Version + 1), ct), ct);
        return deleted;
    }
}
