using Waterwheel.Customers.Identity.Graph;
using Waterwheel.Customers.Identity.Rules;

namespace Waterwheel.Customers.Identity;

/// <summary>
/// What a unit of work has already read about identifiers, so that resolving many calls in one batch asks the database
/// a handful of times instead of several times per call. <see cref="Load"/> reads, in one query per type, the stored
/// identities of every identifier the batch names, their profiles, every identity of those profiles, and the marks of
/// those identifiers; after it the change tracker is the whole truth for them, including what the batch adds. Outside a
/// batch nothing is loaded and every lookup goes to the database as before.
/// <para>
/// It also keeps an index of the identities the unit of work tracks, by identifier, fed by the change tracker's own
/// events (whichever query or add brought them in). A batch looks identifiers up hundreds of times; walking
/// <c>DbSet.Local</c> for each look visits every tracked row of every type, which grew with the square of the batch and
/// was most of what resolving a call cost.
/// </para>
/// </summary>
internal sealed class IdentityPreload
{
    private const int Chunk = 1_000;

    private readonly CustomersDbContext db;
    private readonly IdentityKeys keys;
    private readonly HashSet<IdentifierKey> _keys = [];
    private readonly HashSet<Guid> _profiles = [];
    private readonly List<IdentifierMark> _marks = [];
    private readonly Dictionary<IdentifierKey, CustomerIdentity> _tracked = [];

    // Only when nothing was tracked before this index listened does it hold every tracked identity.
    private readonly bool _seesEveryIdentity;

    public IdentityPreload(CustomersDbContext db, IdentityKeys keys)
    {
        this.db = db;
        this.keys = keys;
        _seesEveryIdentity = !db.ChangeTracker.Entries<CustomerIdentity>().Any();
        db.ChangeTracker.Tracked += (_, e) =>
        {
            if (e.Entry.Entity is CustomerIdentity identity) _tracked[new IdentifierKey(identity.Type, identity.Key)] = identity;
        };
        db.ChangeTracker.StateChanged += (_, e) =>
        {
            if (e.Entry.Entity is CustomerIdentity identity && e.NewState is EntityState.Deleted or EntityState.Detached)
                _tracked.Remove(new IdentifierKey(identity.Type, identity.Key));
        };
    }

    // In a loaded batch the index answers; elsewhere (a single write, or an index that started listening late) the
    // tracker is walked as before. Like the rest of what was loaded, the index holds only until the tracker is cleared,
    // which is why a cleared unit of work calls Reset.
    private bool Indexes => _keys.Count > 0 && _seesEveryIdentity;

    /// <summary>The tracked identity of this identifier, if any.</summary>
    public CustomerIdentity? Tracked(IdentifierKey key) => Indexes
        ? _tracked.GetValueOrDefault(key)
        : db.Identities.Local.FirstOrDefault(i => i.Type == key.Type && i.Key == key.Key);

    /// <summary>The tracked identities a profile holds now (a merge in this unit of work may have moved some to it).</summary>
    public List<CustomerIdentity> TrackedOf(Guid profileId) =>
        (Indexes ? _tracked.Values : db.Identities.Local.AsEnumerable()).Where(i => i.ProfileId == profileId).ToList();

    /// <summary>Whether the stored identity of this identifier (or its absence) is in the change tracker.</summary>
    public bool Knows(IdentifierKey key) => _keys.Contains(key);

    /// <summary>Whether this profile and all its identities are in the change tracker.</summary>
    public bool Knows(Guid profileId) => _profiles.Contains(profileId);

    /// <summary>A profile this unit of work started: nothing of it is stored yet, so the tracker holds all of it.</summary>
    public void Started(Guid profileId) { if (_keys.Count > 0) _profiles.Add(profileId); }

    /// <summary>The marks among these identifiers, or null when some were not loaded.</summary>
    public IReadOnlyList<IdentifierMark>? MarksOf(IReadOnlyCollection<IdentifierKey> wanted) =>
        wanted.All(_keys.Contains) ? _marks.Where(m => wanted.Contains(new IdentifierKey(m.Type, m.Key))).ToList() : null;

    /// <summary>Forgets what was loaded, for a unit of work that cleared its change tracker and starts again.</summary>
    public void Reset()
    {
        _keys.Clear();
        _profiles.Clear();
        _marks.Clear();
        _tracked.Clear();
    }

    public async Task Load(Guid tenantId, IEnumerable<IdentifierClaim> claims, CancellationToken ct)
    {
        var wanted = new HashSet<IdentifierKey>();
        foreach (var claim in claims)
            if (IdentityValues.Normalise(claim.Type, claim.Value) is { } value) wanted.Add(new IdentifierKey(claim.Type, keys.Key(claim.Type, value)));
        wanted.ExceptWith(_keys);
        if (wanted.Count == 0) return;

        var profileIds = new HashSet<Guid>();
        foreach (var byType in wanted.GroupBy(k => k.Type))
            foreach (var chunk in byType.Select(k => k.Key).Chunk(Chunk))
            {
                var type = byType.Key;
                var found = await db.Identities.Where(i => i.Type == type && chunk.Contains(i.Key)).ToListAsync(ct);
                profileIds.UnionWith(found.Select(i => i.ProfileId));
            }
        profileIds.ExceptWith(_profiles);
        foreach (var chunk in profileIds.Chunk(Chunk))
        {
            await db.Profiles.IgnoreQueryFilters().Where(p => p.TenantId == tenantId && chunk.Contains(p.Id)).LoadAsync(ct);
            await db.Identities.Where(i => chunk.Contains(i.ProfileId)).LoadAsync(ct);
        }
        foreach (var chunk in wanted.Select(k => k.Key).Distinct().Chunk(Chunk))
            _marks.AddRange(await db.IdentifierMarks.AsNoTracking().Where(m => m.TenantId == tenantId && chunk.Contains(m.Key)).ToListAsync(ct));
        _keys.UnionWith(wanted);
        _profiles.UnionWith(profileIds);
    }
}
