using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>Which of a code's groups the join way should hold now: a pure rule, so it is tested without WeCom.</summary>
internal static class GroupFill
{
    /// <summary>
    /// The groups under the cap, in order, at most 5 (a group WeCom has not told us of yet counts as empty). When none
    /// is left, the last group that still exists stays, because a printed QR must keep working: it fills on to WeCom's
    /// 200, where WeCom opens a new room if the code lets it.
    /// </summary>
    public static List<string> Plan(GroupCode code, IReadOnlyDictionary<string, CustomerGroupInfo> groups)
    {
        var open = code.ChatIds.Where(id => !groups.TryGetValue(id, out var g) || (g.Active && g.MemberCount < code.Cap)).Take(GroupCode.MaxGroups).ToList();
        if (open.Count > 0) return open;
        var last = code.ChatIds.LastOrDefault(id => !groups.TryGetValue(id, out var g) || g.Active) ?? code.ChatIds.LastOrDefault();
        return last is null ? [] : [last];
    }

    /// <summary>Every group of the code is at its cap or gone.</summary>
    public static bool Full(GroupCode code, IReadOnlyDictionary<string, CustomerGroupInfo> groups) =>
        code.ChatIds.All(id => groups.TryGetValue(id, out var g) && (!g.Active || g.MemberCount >= code.Cap));
}
