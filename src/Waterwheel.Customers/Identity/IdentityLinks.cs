using Waterwheel.Customers.Identity.Graph;
using Waterwheel.Customers.Identity.Merging;
using Waterwheel.Customers.Identity.Rules;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Identity;

/// <summary>An identifier as a touchpoint reports it, before normalisation.</summary>
public sealed record IdentifierClaim(IdentityType Type, string? Value);

/// <summary>
/// Finds the profile that identifiers name, or starts one, and links the identifiers it does not hold yet; when they
/// name several profiles, <see cref="IdentityGraph"/> decides whether and into which they merge. The first claim is
/// the write's subject (the WeCom contact of a WeCom event): when a rule forbids a merge, the other identifiers are
/// dropped before it, so the subject's own profile is the one returned.
/// </summary>
internal sealed class IdentityLinks(
    CustomersDbContext db, IdentityKeys keys, TenantIdentityRules tenantRules, ProfileMerger merger, IdentityPreload preload, TimeProvider time)
{
    public async Task<CustomerProfile> Resolve(Guid tenantId, IReadOnlyList<IdentifierClaim> claims, string source, CancellationToken ct)
    {
        var wanted = new Dictionary<IdentifierKey, string>();
        IdentifierKey? subject = null;
        for (var i = 0; i < claims.Count; i++)
        {
            if (IdentityValues.Normalise(claims[i].Type, claims[i].Value) is not { } value) continue;
            var id = new IdentifierKey(claims[i].Type, keys.Key(claims[i].Type, value));
            if (i == 0) subject = id;
            wanted.TryAdd(id, value);
        }

        var held = await Held(wanted.Keys, ct);
        var touchedIds = held.Select(i => i.ProfileId).Distinct().ToList();
        var unread = touchedIds.Where(id => !preload.Knows(id)).ToList();
        var stored = unread.Count == 0 ? [] : await db.Profiles.IgnoreQueryFilters().Where(p => p.TenantId == tenantId && unread.Contains(p.Id)).ToListAsync(ct);
        // By key through the tracker's identity map: walking Profiles.Local would visit every tracked row.
        var tracked = touchedIds.Select(id => db.Profiles.Local.FindEntry(id)).Where(e => e is { State: not (EntityState.Deleted or EntityState.Detached) });
        var profiles = stored.Concat(tracked.Select(e => e!.Entity)).DistinctBy(p => p.Id).ToList();
        var graph = new List<GraphProfile>();
        foreach (var profile in profiles)
            graph.Add(new GraphProfile(profile.Id, profile.CreatedAt, (await IdentitiesOf(profile.Id, ct)).Select(i => new IdentifierKey(i.Type, i.Key)).ToList()));
        var plan = IdentityGraph.Decide(graph, wanted.Keys, subject, await tenantRules.For(tenantId, wanted.Keys, ct), await Separations(touchedIds, ct));

        var now = time.GetUtcNow().UtcDateTime;
        var survivor = profiles.FirstOrDefault(p => p.Id == plan.Survivor);
        if (survivor is null)
        {
            // First and last seen come from the facts the caller describes the person with (Describe), not from when we heard.
            survivor = new CustomerProfile { TenantId = tenantId, CreatedAt = now, UpdatedAt = now };
            db.Profiles.Add(survivor);
            preload.Started(survivor.Id);
        }
        foreach (var mergedId in plan.Merged)
            await merger.Merge(survivor, profiles.Single(p => p.Id == mergedId), plan.Cause, source, ct);
        foreach (var id in plan.Link)
            db.Identities.Add(new CustomerIdentity
            {
                TenantId = tenantId, ProfileId = survivor.Id, Type = id.Type, Key = id.Key, Cipher = keys.Cipher(id.Type, wanted[id]),
                Hint = keys.Hint(id.Type, wanted[id]), Source = source, LinkedAt = now,
            });
        return survivor;
    }

    /// <summary>The stored identities among the wanted ones, asked type by type so that the (tenant, type, key) index serves.</summary>
    private async Task<List<CustomerIdentity>> Held(IEnumerable<IdentifierKey> wanted, CancellationToken ct)
    {
        var found = new List<CustomerIdentity>();
        foreach (var byType in wanted.GroupBy(w => w.Type))
        {
            var type = byType.Key;
            var unread = byType.Where(w => !preload.Knows(w)).Select(w => w.Key).ToList();
            if (unread.Count > 0) found.AddRange(await db.Identities.Where(i => i.Type == type && unread.Contains(i.Key)).ToListAsync(ct));
            found.AddRange(byType.Select(preload.Tracked).OfType<CustomerIdentity>());
        }
        return found.DistinctBy(i => i.Id).ToList();
    }

    private async Task<List<CustomerIdentity>> IdentitiesOf(Guid profileId, CancellationToken ct) => preload.Knows(profileId)
        ? preload.TrackedOf(profileId)
        : await db.Identities.Of(profileId, ct);

    private async Task<List<Separation>> Separations(List<Guid> touched, CancellationToken ct)
    {
        if (touched.Count < 2) return [];
        var undone = await db.Merges.AsNoTracking()
            .Where(m => m.UndoneAt != null && touched.Contains(m.SurvivorId) && touched.Contains(m.MergedId)).ToListAsync(ct);
        return undone.Select(m => new Separation(m.SurvivorId, m.MergedId, m.Cause.Select(IdentifierKey.Parse).ToHashSet())).ToList();
    }
}
