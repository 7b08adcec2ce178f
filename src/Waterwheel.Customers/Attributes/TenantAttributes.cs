using Microsoft.Extensions.Caching.Memory;

namespace Waterwheel.Customers.Attributes;

/// <summary>
/// The actor's tenant's attribute definitions by key. Every identify call needs them, and brands define attributes
/// rarely: cached a minute per tenant, dropped at once on the node that defines one.
/// </summary>
internal sealed class TenantAttributes(CustomersDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public static object CacheKey(Guid tenantId) => ("customers.attributes", tenantId);

    public async Task<IReadOnlyDictionary<string, AttributeDefinition>> Of(Guid tenantId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(CacheKey(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return (IReadOnlyDictionary<string, AttributeDefinition>)await db.AttributeDefinitions.AsNoTracking()
                .Where(d => d.TenantId == tenantId).ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, ct);
        }))!;
}
