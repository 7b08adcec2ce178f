using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Lifecycle;

/// <summary>
/// The value thresholds that apply to the actor's tenant: the configured defaults with the tenant's lifecycle setting
/// over them. Cached a minute per tenant (a list or an export computes the stage of every row), dropped at once on the
/// node that changes it.
/// </summary>
internal sealed class TenantValueOptions(CustomersDbContext db, ActorContext actor, IOptions<CustomerValueOptions> defaults, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public static object CacheKey(Guid tenantId) => ("customers.lifecycle", tenantId);

    public CustomerValueOptions Defaults => defaults.Value;

    public async Task<CustomerValueOptions> Current(CancellationToken ct)
    {
        if (actor.TenantId is not { } tenant) return defaults.Value;
        var setting = await cache.GetOrCreateAsync(CacheKey(tenant), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return await db.LifecycleSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        });
        return setting is null ? defaults.Value : defaults.Value.WithStages(setting.NewForDays, setting.ActiveWithinDays, setting.AtRiskWithinDays, setting.DormantWithinDays);
    }
}
