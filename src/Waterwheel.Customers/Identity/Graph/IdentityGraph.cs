namespace Waterwheel.Customers.Identity.Graph;

/// <summary>
/// Decides what a write does to the identity graph, in memory and without side effects; the caller loads the
/// profiles that hold any incoming identifier and carries the plan out.
/// <para>
/// The incoming identifiers, strongest first, name profiles; all named profiles merge into the survivor, the oldest
/// (by creation time, then id) — so whichever order links arrive in, a group of profiles ends in the same one. When
/// the merge would break a rule (a type's maximum, a type that may not merge, an undone merge's evidence), the
/// weakest identifier that contributes to the breach is dropped from the write and the rest is tried again, as the
/// mature identity-resolution engines do. Nothing a profile already holds is ever taken from it, so every merge can
/// be undone by moving back what it moved. Links that never breach a rule commute: they are a union of connected
/// identifiers, whose result does not depend on order; where evidence contradicts itself (one phone claimed by two
/// unionids) the first to arrive keeps it.
/// </para>
/// </summary>
internal static class IdentityGraph
{
    /// <param name="touched">The profiles holding any of <paramref name="incoming"/>.</param>
    /// <param name="incoming">The write's identifiers.</param>
    /// <param name="subject">What the write is about (a WeCom event's external_userid): dropped last.</param>
    public static LinkPlan Decide(
        IReadOnlyCollection<GraphProfile> touched, IEnumerable<IdentifierKey> incoming, IdentifierKey? subject,
        IdentityRules rules, IReadOnlyCollection<Separation> separations)
    {
        var holders = new Dictionary<IdentifierKey, GraphProfile>();
        foreach (var profile in touched)
            foreach (var id in profile.Identifiers) holders[id] = profile;

        var dropped = new List<DroppedIdentifier>();
        var claim = new List<IdentifierKey>();
        foreach (var id in incoming.Distinct())
        {
            if (rules.IsBlocked(id)) dropped.Add(new(id, DropReason.Blocked));
            else if (rules.IsShared(id)) dropped.Add(new(id, DropReason.Shared));
            else claim.Add(id);
        }
        // A blocked or shared value is no one's identifier, so it cannot be what the write is about: the first identifier
        // that is one takes its place, as if the write had never carried it.
        if (subject is { } about && (rules.IsBlocked(about) || rules.IsShared(about))) subject = claim.Count > 0 ? claim[0] : null;
        // Strongest first, the subject ahead of all: the loop below drops from the end.
        claim = claim.OrderBy(id => id == subject ? 0 : 1).ThenBy(id => rules.For(id.Type).Priority)
            .ThenBy(id => id.Type).ThenBy(id => id.Key, StringComparer.Ordinal).ToList();

        while (Breach(claim, holders, rules, separations) is { } breach)
        {
            claim.Remove(breach.Identifier);
            dropped.Add(breach);
        }

        var named = Named(claim, holders);
        var cause = named.Count > 1 ? claim.Where(holders.ContainsKey).ToList() : [];
        return new LinkPlan(named.FirstOrDefault()?.Id, named.Skip(1).Select(p => p.Id).ToList(),
            claim.Where(id => !holders.ContainsKey(id)).ToList(), cause, dropped);
    }

    /// <summary>The profiles a claim names, the survivor first.</summary>
    private static List<GraphProfile> Named(List<IdentifierKey> claim, Dictionary<IdentifierKey, GraphProfile> holders) => claim
        .Where(holders.ContainsKey).Select(id => holders[id]).Distinct()
        .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();

    private static DroppedIdentifier? Breach(
        List<IdentifierKey> claim, Dictionary<IdentifierKey, GraphProfile> holders, IdentityRules rules, IReadOnlyCollection<Separation> separations)
    {
        var named = Named(claim, holders);
        if (named.Count > 1)
        {
            var notMerging = Weakest(claim, id => holders.ContainsKey(id) && !rules.For(id.Type).MayMerge);
            if (notMerging is { } n) return new(n, DropReason.MayNotMerge);
            foreach (var separation in separations)
            {
                var pair = named.Where(p => p.Id == separation.First || p.Id == separation.Second).Select(p => p.Id).ToList();
                if (pair.Count < 2) continue;
                var evidence = claim.Where(id => holders.TryGetValue(id, out var h) && pair.Contains(h.Id)).ToList();
                if (evidence.All(separation.Evidence.Contains) && Weakest(claim, evidence.Contains) is { } s) return new(s, DropReason.Separated);
            }
        }
        var union = named.SelectMany(p => p.Identifiers).Concat(claim).Distinct().ToList();
        foreach (var group in union.GroupBy(id => id.Type))
        {
            // A profile that already holds more than the maximum (the tenant lowered it later) keeps what it has but may not grow.
            var allowed = Math.Max(rules.For(group.Key).MaxPerProfile, named.Select(p => p.Identifiers.Count(i => i.Type == group.Key)).DefaultIfEmpty(0).Max());
            if (group.Count() <= allowed) continue;
            var type = group.Key;
            var contributor = Weakest(claim, id => id.Type == type || (holders.TryGetValue(id, out var h) && h.Identifiers.Any(i => i.Type == type)));
            if (contributor is { } c) return new(c, DropReason.Maximum);
        }
        return null;
    }

    /// <summary>The weakest identifier of the claim that matches; the subject (first) only when nothing else does.</summary>
    private static IdentifierKey? Weakest(List<IdentifierKey> claim, Func<IdentifierKey, bool> match)
    {
        for (var i = claim.Count - 1; i >= 0; i--)
            if (match(claim[i])) return claim[i];
        return null;
    }
}
