using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Audiences.Indexing;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Membership;

/// <summary>
/// Keeps saved segments' and rule tags' members current, once per cluster (ADR 8), every
/// <see cref="AudienceOptions.MembershipInterval"/>: tenant by tenant as its system actor, on this node's index. The index
/// is the one thing every change reaches within a second on every node, so evaluating on it (rather than replaying the
/// change log) needs no log position of its own, and a condition over "the last N days" is re-evaluated when the day
/// turns without a separate sweep.
/// </summary>
internal sealed class MembershipTracker(AudiencesDbContext db, AudienceIndexes indexes, IServiceScopeFactory scopes) : IRecurringJob
{
    public async Task Run(CancellationToken ct)
    {
        // A node still building its index would see everyone leave.
        if (!indexes.IsBuilt) return;
        var sequence = indexes.AppliedSequence;
        // Which tenants watch anything: the one question asked across tenants, on purpose.
        var tenants = await db.Segments.IgnoreQueryFilters().Select(s => s.TenantId)
            .Union(db.Tags.IgnoreQueryFilters().Where(t => t.Rule != null).Select(t => t.TenantId))
            .Union(db.WatchStates.IgnoreQueryFilters().Select(w => w.TenantId))
            .Distinct().ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "audience-membership");
            await scope.ServiceProvider.GetRequiredService<TenantMembership>().Update(sequence, ct);
        }
    }
}
