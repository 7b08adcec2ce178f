using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

/// <summary>
/// Takes lapsed tags (a tag valid N days) from their customers, once per cluster (ADR 8), tenant by tenant as each
/// tenant's system actor, through the same writer as a hand's untagging, so every node's index hears of it.
/// </summary>
internal sealed class TagExpiry(AudiencesDbContext db, IServiceScopeFactory scopes, TimeProvider time) : IRecurringJob
{
    private const int Batch = 1_000;

    public async Task Run(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Which tenants have lapsed tags: the one question asked across tenants, on purpose.
        var tenants = await db.CustomerTags.IgnoreQueryFilters().Where(t => t.ExpiresAt < now).Select(t => t.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants) await Sweep(tenant, now, ct);
    }

    private async Task Sweep(Guid tenant, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "tag-expiry");
        var tenantDb = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<TagWriter>();
        while (true)
        {
            var lapsed = await tenantDb.CustomerTags.AsNoTracking().Where(t => t.ExpiresAt < now).OrderBy(t => t.ExpiresAt).Take(Batch).ToListAsync(ct);
            if (lapsed.Count == 0) return;
            foreach (var byTag in lapsed.GroupBy(t => t.TagId))
            {
                var profiles = byTag.Select(t => t.ProfileId).ToList();
                var members = await tenantDb.Members.Where(m => profiles.Contains(m.ProfileId)).ToListAsync(ct);
                await writer.Take(byTag.Key, members, ct, why: TagChangeCause.Expiry);
                // A lapsed tag of a customer with no member row would be met again on every round.
                await tenantDb.CustomerTags.Where(t => t.TagId == byTag.Key && profiles.Contains(t.ProfileId) && t.ExpiresAt < now).ExecuteDeleteAsync(ct);
                tenantDb.ChangeTracker.Clear();
            }
        }
    }
}
