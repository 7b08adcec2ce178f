using Microsoft.Extensions.Caching.Memory;

namespace Waterwheel.Customers.Relationships;

/// <summary>
/// Stores (with their org path and dealer) and WeCom-linked staff, asked of the Platform once a minute per tenant
/// rather than for every event or row: a full sync announces thousands of relationships, and the organisation
/// changes rarely.
/// </summary>
internal sealed class OrganisationFacts(IOrganisationDirectory directory, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public async Task<StoreRef?> Store(Guid tenantId, Guid? storeId, CancellationToken ct) =>
        storeId is { } id ? (await Stores(tenantId, ct)).GetValueOrDefault(id) : null;

    public async Task<IReadOnlyDictionary<Guid, StoreRef>> Stores(Guid tenantId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("customers.stores", tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return (await directory.Stores(tenantId, ct)).ToDictionary(s => s.StoreId);
        }))!;

    public async Task<IReadOnlyDictionary<Guid, StaffRef>> Staff(Guid tenantId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("customers.staff", tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return (await directory.WeComStaff(tenantId, ct)).ToDictionary(s => s.StaffId);
        }))!;
}
