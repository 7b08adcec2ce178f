using Waterwheel.Acquisition.Codes;

namespace Waterwheel.Acquisition.Pools;

/// <summary>
/// Which staff a code's WeCom way should hold now. WeCom picks among a way's members by itself, so caps, schedules and
/// the policy are all enforced through this list (ADR 15): primaries in schedule and under their cap; else backups
/// under their cap; and when everyone is full, the backups (or, with none, the primaries) all the same, because a
/// printed QR must keep working — the cap is a target, a customer turned away is lost.
/// </summary>
internal static class PoolPlanner
{
    public static IReadOnlyList<string> Plan(LiveCode code, DateTime localNow, IReadOnlyDictionary<string, int> addsToday)
    {
        bool Under(PoolMember m) => m.DailyCap is not { } cap || addsToday.GetValueOrDefault(m.WeComUserId) < cap;
        var pool = code.Pool.DistinctBy(m => m.WeComUserId).ToList();
        var primaries = pool.Where(m => !m.Backup).ToList();
        var backups = pool.Where(m => m.Backup).ToList();
        var open = code.Schedule.Covers(localNow) ? primaries.Where(Under).ToList() : [];
        if (open.Count == 0) open = backups.Where(Under).ToList();
        if (open.Count == 0) return (backups.Count > 0 ? backups : primaries).Select(m => m.WeComUserId).ToList();
        return Choose(code, open, addsToday).Select(m => m.WeComUserId).ToList();
    }

    private static IEnumerable<PoolMember> Choose(LiveCode code, List<PoolMember> open, IReadOnlyDictionary<string, int> addsToday)
    {
        switch (code.Policy)
        {
            case AssignmentPolicy.LeastLoaded:
                var fewest = open.Min(m => addsToday.GetValueOrDefault(m.WeComUserId));
                return open.Where(m => addsToday.GetValueOrDefault(m.WeComUserId) == fewest);
            case AssignmentPolicy.RoundRobin:
                return [Next(code, open)];
            default:
                return open;
        }
    }

    /// <summary>The first open member after the one who took the last add, in pool order, wrapping round.</summary>
    private static PoolMember Next(LiveCode code, List<PoolMember> open)
    {
        var order = code.Pool.Select(m => m.WeComUserId).ToList();
        var last = code.LastUserId is null ? -1 : order.IndexOf(code.LastUserId);
        return open.OrderBy(m => (order.IndexOf(m.WeComUserId) - last - 1 + order.Count) % order.Count).First();
    }
}
