using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Tests.Unit.Graph;

/// <summary>
/// Six people and their identifiers, and ways to read a list of generated integers as link writes, so that FsCheck's
/// shrinking of the integers shrinks the writes. Each person's identifiers stay within the default maximums.
/// </summary>
internal static class World
{
    public const int People = 6;

    public static readonly IdentifierKey Blocked = new(IdentityType.DeviceId, "tablet-placeholder");
    public static readonly IdentifierKey Shared = new(IdentityType.Phone, "store-landline");

    /// <summary>Person p's identifiers, strongest type first: one unionid, three external_userids, three phones, two devices, four anonymous ids.</summary>
    public static IReadOnlyList<IdentifierKey> Of(int person) =>
    [
        new(IdentityType.UnionId, $"ou{person}"),
        .. Enumerable.Range(0, 3).Select(i => new IdentifierKey(IdentityType.WeComExternalUserId, $"wm{person}-{i}")),
        .. Enumerable.Range(0, 3).Select(i => new IdentifierKey(IdentityType.Phone, $"ph{person}-{i}")),
        .. Enumerable.Range(0, 2).Select(i => new IdentifierKey(IdentityType.DeviceId, $"dev{person}-{i}")),
        .. Enumerable.Range(0, 4).Select(i => new IdentifierKey(IdentityType.AnonymousId, $"anon{person}-{i}")),
    ];

    public static readonly IReadOnlyList<IdentifierKey> Everyone = Enumerable.Range(0, People).SelectMany(Of).ToList();

    /// <summary>A write about one person: one to three of their identifiers, sometimes with the blocked or the shared value.</summary>
    public static IReadOnlyList<IdentifierKey> Consistent(int code)
    {
        var n = (uint)code;
        var own = Of((int)(n % People));
        var picked = Picks(n / People / 4, own.Count).Select(i => own[i]).ToList();
        if (n / People % 4 == 1) picked.Add(Blocked);
        if (n / People % 4 == 2) picked.Insert(0, Shared);
        return picked;
    }

    /// <summary>A write of identifiers of anyone: sometimes with the blocked or the shared value, often with a unionid or an external_userid.</summary>
    public static IReadOnlyList<IdentifierKey> Contradictory(int code)
    {
        var n = (uint)code;
        var picked = Picks(n / 4, Everyone.Count).Select(i => Everyone[i]).ToList();
        if (n % 4 == 1) picked.Insert(0, Blocked);
        if (n % 4 == 2) picked.Add(Shared);
        // A person's strong identifier written with someone else's: the contradiction the guards exist for.
        if (n % 4 == 3) picked.Add(Of((int)(n / 4 % People))[(int)(n / 4 / People % 4)]);
        return picked;
    }

    private static IEnumerable<int> Picks(uint n, int of)
    {
        var count = (int)(n % 3) + 1;
        n /= 3;
        for (var i = 0; i < count; i++)
        {
            yield return (int)(n % (uint)of);
            n = n / (uint)of + (uint)(i * 7919);
        }
    }

    public static IReadOnlyList<T> Shuffled<T>(IReadOnlyList<T> items, int seed)
    {
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    /// <summary>The defaults, with the blocked and the shared value marked.</summary>
    public static readonly IdentityRules Marked = new(
        new Dictionary<IdentityType, TypeRule>(), new HashSet<IdentifierKey> { Blocked }, new HashSet<IdentifierKey> { Shared });

    /// <summary>Tighter than the defaults, so that contradictory writes run into the maximums often.</summary>
    public static readonly IdentityRules Tight = new(
        new Dictionary<IdentityType, TypeRule>
        {
            [IdentityType.Phone] = new(2, 6), [IdentityType.DeviceId] = new(2, 12), [IdentityType.AnonymousId] = new(3, 13),
            [IdentityType.WeComExternalUserId] = new(3, 3),
        },
        new HashSet<IdentifierKey> { Blocked }, new HashSet<IdentifierKey> { Shared });
}
