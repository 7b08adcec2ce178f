using System.Collections.Frozen;

namespace Waterwheel.Customers.Identity.Graph;

/// <summary>
/// How one identifier type behaves in the graph. <see cref="Priority"/> ranks the types (1 is strongest): when a
/// write would break a rule, the weakest identifiers of the write are dropped first. A type that may not merge can
/// still name a profile, but never joins two.
/// </summary>
internal sealed record TypeRule(int MaxPerProfile, int Priority, bool MayMerge = true);

/// <summary>
/// A tenant's identity-graph rules: the per-type table (defaults below, overridable per tenant), extra blocked values
/// beyond the placeholders <see cref="IdentityValues"/> already refuses, and shared identifiers (a store's tablet, a
/// shop's landline) that belong to many people and so never link anyone.
/// </summary>
internal sealed class IdentityRules
{
    /// <summary>
    /// One unionid: two different unionids are two different WeChat users. Several external_userids and openids, because
    /// one person meets a brand through several corps and apps; a few phones and emails; devices and anonymous ids are
    /// cheap and plentiful, so they rank last and are dropped first.
    /// </summary>
    public static readonly FrozenDictionary<IdentityType, TypeRule> Defaults = new Dictionary<IdentityType, TypeRule>
    {
        [IdentityType.UserId] = new(1, 1),
        [IdentityType.UnionId] = new(1, 2),
        [IdentityType.WeComExternalUserId] = new(5, 3),
        [IdentityType.MiniProgramOpenId] = new(5, 4),
        [IdentityType.OfficialAccountOpenId] = new(5, 5),
        [IdentityType.Phone] = new(3, 6),
        [IdentityType.Email] = new(3, 7),
        [IdentityType.PosMemberNumber] = new(5, 8),
        [IdentityType.TaobaoBuyerId] = new(5, 9),
        [IdentityType.JdPin] = new(5, 10),
        [IdentityType.DouyinOpenId] = new(5, 11),
        [IdentityType.DeviceId] = new(5, 12),
        [IdentityType.AnonymousId] = new(20, 13),
    }.ToFrozenDictionary();

    private static readonly TypeRule Otherwise = new(5, 50);

    public static readonly IdentityRules Standard = new(new Dictionary<IdentityType, TypeRule>(), new HashSet<IdentifierKey>(), new HashSet<IdentifierKey>());

    private readonly IReadOnlyDictionary<IdentityType, TypeRule> _overrides;
    private readonly IReadOnlySet<IdentifierKey> _blocked;
    private readonly IReadOnlySet<IdentifierKey> _shared;

    public IdentityRules(IReadOnlyDictionary<IdentityType, TypeRule> overrides, IReadOnlySet<IdentifierKey> blocked, IReadOnlySet<IdentifierKey> shared)
    {
        // A maximum below one would make a type unusable and the graph's drop loop unable to settle.
        if (overrides.Values.Any(r => r.MaxPerProfile < 1)) throw new ArgumentOutOfRangeException(nameof(overrides), "A maximum is at least 1.");
        (_overrides, _blocked, _shared) = (overrides, blocked, shared);
    }

    public TypeRule For(IdentityType type) => _overrides.GetValueOrDefault(type) ?? Defaults.GetValueOrDefault(type) ?? Otherwise;

    public bool IsBlocked(IdentifierKey id) => _blocked.Contains(id);

    public bool IsShared(IdentifierKey id) => _shared.Contains(id);
}
