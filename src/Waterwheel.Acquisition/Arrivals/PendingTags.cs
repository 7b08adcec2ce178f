using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Arrivals;

/// <summary>
/// Gives their code's tags to the arrivals whose customer had no profile yet when they came (the Customers module
/// takes the same add in on its own). Once per cluster, tenant by tenant as each tenant's system actor; an arrival
/// older than <see cref="GiveUpAfter"/> is left alone, its customer gone or never made.
/// </summary>
internal sealed class PendingTags(AcquisitionDbContext db, IServiceScopeFactory scopes, TimeProvider time, ILogger<PendingTags> log) : IRecurringJob
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(2);
    private const int Batch = 500;

    public async Task Run(CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - GiveUpAfter;
        // Which tenants have untagged arrivals: the one question asked across tenants, on purpose.
        var tenants = await db.Arrivals.IgnoreQueryFilters().Where(a => a.TaggedAt == null && a.At > since).Select(a => a.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants) await Tag(tenant, since, ct);
    }

    private async Task Tag(Guid tenant, DateTime since, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "acquisition-tags");
        var tenantDb = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        var arrivals = await tenantDb.Arrivals.AsNoTracking().Where(a => a.TaggedAt == null && a.At > since).OrderBy(a => a.At).Take(Batch).ToListAsync(ct);
        var codeIds = arrivals.Select(a => a.CodeId).Distinct().ToList();
        var codes = await tenantDb.Codes.AsNoTracking().Where(c => codeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var arrival in arrivals)
        {
            if (!await TagOne(tenant, arrival, codes[arrival.CodeId], ct)) continue;
            await tenantDb.Arrivals.Where(a => a.Id == arrival.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.TaggedAt, arrival.TaggedAt), ct);
        }
    }

    /// <summary>
    /// One arrival in its own scope: the intake may be tagging the same customer at this moment, and the loser of that
    /// race fails its save; it is left for the next round (by then the tags are held, and giving them again is a no-op).
    /// </summary>
    private async Task<bool> TagOne(Guid tenant, Arrival arrival, LiveCode code, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "acquisition-tags");
        try
        {
            return await Give(scope.ServiceProvider.GetRequiredService<ICustomerTagging>(), arrival, code, time, ct);
        }
        catch (DbUpdateException e)
        {
            log.LogInformation(e, "Tagging the customer of arrival {ArrivalId} lost a race; trying again next round", arrival.Id);
            return false;
        }
    }

    /// <summary>Tags the arrival's customer; true (and TaggedAt set) unless the customer has no profile yet.</summary>
    internal static async Task<bool> Give(ICustomerTagging tagging, Arrival arrival, LiveCode code, TimeProvider time, CancellationToken ct)
    {
        // A code without tags has nothing to give; tags deleted since are gone for good: both are done.
        if (code.TagIds.Count > 0
            && await tagging.TagWeComContact(arrival.ExternalUserId, code.TagIds, TaggingCause.Channel, code.Name, ct) == TaggingOutcome.CustomerNotYetKnown)
            return false;
        arrival.TaggedAt = time.GetUtcNow().UtcDateTime;
        return true;
    }
}
