using Microsoft.Extensions.Caching.Memory;
using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Identity.Rules;

/// <summary>
/// The graph rules of one tenant for one write: the per-type table (cached a minute: it changes rarely and every
/// event needs it) and the marks of just the identifiers the write carries (a tenant may mark many).
/// </summary>
internal sealed class TenantIdentityRules(CustomersDbContext db, IMemoryCache cache, IdentityPreload preload)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public static object CacheKey(Guid tenantId) => ("customers.identity-rules", tenantId);

    public async Task<IdentityRules> For(Guid tenantId, IReadOnlyCollection<IdentifierKey> identifiers, CancellationToken ct)
    {
        var table = (await cache.GetOrCreateAsync(CacheKey(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return await db.IdentityRuleSettings.AsNoTracking().Where(r => r.TenantId == tenantId)
                .ToDictionaryAsync(r => r.Type, r => new TypeRule(Math.Max(1, r.MaxPerProfile), r.Priority, r.MayMerge), ct);
        }))!;
        var keys = identifiers.Select(i => i.Key).Distinct().ToList();
        var marks = keys.Count == 0 ? [] : preload.MarksOf(identifiers) ?? await db.IdentifierMarks.AsNoTracking()
            .Where(m => m.TenantId == tenantId && keys.Contains(m.Key)).ToListAsync(ct);
        var wanted = identifiers.ToHashSet();
        HashSet<IdentifierKey> Marked(IdentifierMarkKind kind) =>
            marks.Where(m => m.Kind == kind).Select(m => new IdentifierKey(m.Type, m.Key)).Where(wanted.Contains).ToHashSet();
        return new IdentityRules(table, Marked(IdentifierMarkKind.Blocked), Marked(IdentifierMarkKind.Shared));
    }
}
