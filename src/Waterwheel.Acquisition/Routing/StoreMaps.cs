using System.Collections.Concurrent;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// Each tenant's <see cref="StoreMap"/>, built from the Platform's directory and kept for <see cref="Lifetime"/>: the
/// store set changes rarely, a landing page is opened often. A store opened, closed or moved is routed to within
/// a minute on every node, with no message between them. Concurrent first lookups share one build.
/// </summary>
internal sealed class StoreMaps(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (DateTime BuiltAt, Lazy<Task<StoreMap>> Map)> _maps = new();

    public async Task<StoreMap> For(Guid tenantId, IOrganisationDirectory directory, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var entry = _maps.AddOrUpdate(tenantId,
            _ => (now, Build(tenantId, directory)),
            (_, old) => now - old.BuiltAt < Lifetime && !old.Map.Value.IsFaulted ? old : (now, Build(tenantId, directory)));
        return await entry.Map.Value.WaitAsync(ct);
    }

    /// <summary>Forgets a tenant's map, for tests and for a caller that knows the stores just changed.</summary>
    public void Forget(Guid tenantId) => _maps.TryRemove(tenantId, out _);

    // Not the caller's token: a build shared by several requests must not fail because the first one gave up.
    private static Lazy<Task<StoreMap>> Build(Guid tenantId, IOrganisationDirectory directory) => new(async () =>
        new StoreMap(await directory.Stores(tenantId, CancellationToken.None), await directory.WeComStaff(tenantId, CancellationToken.None)));
}
