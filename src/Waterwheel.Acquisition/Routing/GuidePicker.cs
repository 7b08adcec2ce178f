using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// Which of a store's guides (or of the fallback's service staff) takes the customer, by the code's policy and caps,
/// with the same planner as a pool code (ADR 15) but among these staff only: round-robin goes on from whoever of them
/// took the last add today, least-loaded counts their adds today, random picks any of them. Here the page picks the
/// one, not WeCom, so a cap is never overshot by adds in flight beyond the page views in flight.
/// </summary>
internal static class GuidePicker
{
    public static string Pick(LiveCode code, IReadOnlyList<PoolMember> members, PoolSchedule schedule, DateTime localNow,
        IReadOnlyDictionary<string, int> addsToday, string? lastToday, Random random)
    {
        var among = new LiveCode { Policy = code.Policy, Pool = members.ToList(), Schedule = schedule, LastUserId = lastToday };
        var plan = PoolPlanner.Plan(among, localNow, addsToday);
        return plan.Count == 1 ? plan[0] : plan[random.Next(plan.Count)];
    }

    /// <summary>A store's guides as pool members, each under the code's cap for guides.</summary>
    public static IReadOnlyList<PoolMember> Guides(RoutableStore store, LbsRouting routing) =>
        store.Guides.Select(g => new PoolMember(g.StaffId, g.WeComUserId, routing.GuideDailyCap, Backup: false)).ToList();
}
