using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Memory;

namespace Waterwheel.Customers.Sources;

/// <summary>The tenant and source a valid write key stands for.</summary>
internal sealed record ActiveSource(Guid TenantId, Guid SourceId);

/// <summary>
/// Finds the source of a write key. Ingest calls come by the thousand a second, so a checked key is remembered for
/// 30 seconds: a revocation takes effect at once on the node that revoked it and within 30 seconds on the others.
/// </summary>
internal sealed class WriteKeyCheck(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    public async Task<ActiveSource?> Find(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200 || WriteKeys.SourceOf(key) is not { } id) return null;
        var stored = await cache.GetOrCreateAsync(CacheKey(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
            // No actor yet: the key itself names the tenant, so the tenant filter is replaced by the key's own row.
            return await db.Sources.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Id == id && s.RevokedAt == null)
                .Select(s => new { s.TenantId, s.KeyHash })
                .FirstOrDefaultAsync(ct);
        });
        return stored is not null && WriteKeys.Matches(key, stored.KeyHash) ? new ActiveSource(stored.TenantId, id) : null;
    }

    public void Forget(Guid sourceId) => cache.Remove(CacheKey(sourceId));

    private static (string, Guid) CacheKey(Guid id) => ("customers.write-key", id);
}
