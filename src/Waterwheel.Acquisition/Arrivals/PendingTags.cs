using Microsoft.Extensions.DependencyInjection;
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
internal sealed class PendingTags(AcquisitionDbContext db, IServiceScopeFactory scopes, TimeProvider time) : IRecurringJob
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
        var tagging = scope.ServiceProvider.GetRequiredService<ICustomerTagging>();
        var arrivals = await tenantDb.Arrivals.Where(a => a.TaggedAt == null && a.At > since).OrderBy(a => a.At).Take(Batch).ToListAsync(ct);
        var codeIds = arrivals.Select(a => a.CodeId).Distinct().ToList();
        var codes = await tenantDb.Codes.AsNoTracking().Where(c => codeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var arrival in arrivals) await Give(tagging, arrival, codes[arrival.CodeId], time, ct);
        await tenantDb.SaveChangesAsync(ct);
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
