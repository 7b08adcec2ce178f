using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Tests.Unit.Graph;

/// <summary>
/// The graph carried out in memory the way the database carries it out: profiles with deterministic ids and
/// creation times, merges that move identifiers and record what moved, undo that moves them back.
/// </summary>
internal sealed class InMemoryGraph(IdentityRules rules)
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Dictionary<Guid, (DateTime CreatedAt, HashSet<IdentifierKey> Ids)> _profiles = [];
    private readonly Dictionary<IdentifierKey, Guid> _holders = [];
    private readonly List<Separation> _separations = [];
    private readonly Dictionary<Guid, DateTime> _born = [];
    private int _created;

    public List<Merge> Merges { get; } = [];

    public sealed record Merge(Guid Survivor, Guid Merged, IReadOnlyList<IdentifierKey> Moved, IReadOnlyList<IdentifierKey> Cause);

    public Guid NewProfile(params IdentifierKey[] ids)
    {
        _created++;
        var id = new Guid(_created, 0, 0, new byte[8]);
        _born[id] = Epoch.AddMinutes(_created);
        _profiles[id] = (_born[id], [.. ids]);
        foreach (var key in ids) _holders[key] = id;
        return id;
    }

    public Guid Link(IReadOnlyList<IdentifierKey> claim)
    {
        var touched = claim.Where(_holders.ContainsKey).Select(k => _holders[k]).Distinct()
            .Select(p => new GraphProfile(p, _profiles[p].CreatedAt, _profiles[p].Ids.ToList())).ToList();
        var plan = IdentityGraph.Decide(touched, claim, claim.Count > 0 ? claim[0] : null, rules, _separations);
        var survivor = plan.Survivor ?? NewProfile();
        foreach (var merged in plan.Merged)
        {
            var moved = _profiles[merged].Ids.ToList();
            Move(moved, merged, survivor);
            _profiles.Remove(merged);
            Merges.Add(new Merge(survivor, merged, moved, plan.Cause));
        }
        foreach (var key in plan.Link)
        {
            _profiles[survivor].Ids.Add(key);
            _holders[key] = survivor;
        }
        return survivor;
    }

    public void Undo(Merge merge)
    {
        _profiles[merge.Merged] = (_born[merge.Merged], []);
        Move(merge.Moved, merge.Survivor, merge.Merged);
        _separations.Add(new Separation(merge.Survivor, merge.Merged, merge.Cause.ToHashSet()));
    }

    private void Move(IEnumerable<IdentifierKey> ids, Guid from, Guid to)
    {
        foreach (var key in ids)
        {
            _profiles[from].Ids.Remove(key);
            _profiles[to].Ids.Add(key);
            _holders[key] = to;
        }
    }

    public IReadOnlyCollection<IReadOnlyCollection<IdentifierKey>> Profiles => _profiles.Values.Select(p => (IReadOnlyCollection<IdentifierKey>)p.Ids).ToList();

    /// <summary>The identifiers grouped by profile, in a form two graphs can be compared by (empty profiles left out).</summary>
    public SortedSet<string> Partition() => new(_profiles.Values.Where(p => p.Ids.Count > 0)
        .Select(p => string.Join(" ", p.Ids.Select(i => i.ToString()).Order(StringComparer.Ordinal))), StringComparer.Ordinal);

    /// <summary>Like <see cref="Partition"/>, with each group's profile id: for comparing survivors too.</summary>
    public SortedSet<string> PartitionWithIds() => new(_profiles.Where(p => p.Value.Ids.Count > 0)
        .Select(p => $"{p.Key}: " + string.Join(" ", p.Value.Ids.Select(i => i.ToString()).Order(StringComparer.Ordinal))), StringComparer.Ordinal);
}
