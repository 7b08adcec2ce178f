using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// Once per cluster every minute: expired group codes leave WeCom, and every other one is brought in line with its
/// groups, which catches a count whose event failed and a room WeCom opened while no event said so. Tenant by tenant
/// as each tenant's system actor; what fails is tried again next round.
/// </summary>
internal sealed class GroupCodeUpkeep(AcquisitionDbContext db, IServiceScopeFactory scopes, TimeProvider time, ILogger<GroupCodeUpkeep> log) : IRecurringJob
{
    public async Task Run(CancellationToken ct)
    {
        // Which tenants have group codes: the one question asked across tenants, on purpose.
        var tenants = await db.GroupCodes.IgnoreQueryFilters().Where(c => c.Status == LiveCodeStatus.Active).Select(c => c.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants) await Tend(tenant, ct);
    }

    private async Task Tend(Guid tenant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "acquisition-group-codes");
        var tenantDb = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        var sync = scope.ServiceProvider.GetRequiredService<GroupCodeSync>();
        var removal = scope.ServiceProvider.GetRequiredService<GroupCodeRemoval>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var code in await tenantDb.GroupCodes.Where(c => c.Status == LiveCodeStatus.Active).OrderBy(c => c.CreatedAt).ToListAsync(ct))
        {
            ContactWayOutcome outcome;
            if (code.ExpiresAt <= now)
            {
                outcome = await removal.Remove(code, ct);
                if (outcome.IsDone)
                {
                    code.Status = LiveCodeStatus.Expired;
                    // The version moves: an operator's open edit of an expired code is refused as stale.
                    await tenantDb.SaveChangesAsync(ct);
                }
            }
            else outcome = await sync.Refresh(code.Id, ct);
            if (!outcome.IsDone) log.LogWarning("Group code {CodeId}: WeCom answered {Status}; trying again next round", code.Id, outcome.Status);
        }
    }
}
