using Microsoft.Extensions.Options;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

/// <summary>
/// Customers and staff acting in their WeCom apps: scanning a 「联系我」 code, adding or deleting a member, a member
/// editing tags. Unlike API calls, these are the changes WeCom reports, so each one updates the state and pushes the
/// encrypted callback. Seeded, so a script is repeatable.
/// </summary>
public sealed partial class SimulatedCrowd(SimulatorState state, CallbackPusher pusher, IOptions<CrowdOptions> options)
{
    // WeChat nicknames as brands see them: mostly a Chinese name, sometimes a made-up handle.
    private static readonly string[] Surnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["伟", "芳", "敏", "静", "磊", "艳", "军", "欣", "小雨", "子涵", "一诺", "嘉怡"];
    private readonly Random _random = new(options.Value.Seed);

    /// <summary>A new customer scans the code: one of its members (chosen at random for a multi-member code) gets them.</summary>
    public Task<CrowdOutcome> ScanContactWay(string corpId, string configId, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        AddedCustomer added;
        lock (state.Sync)
        {
            var way = corp.ContactWays[configId];
            var members = way.Users.Concat(corp.Staff.Values.Where(s => s.Departments.Any(way.Parties.Contains)).Select(s => s.Userid))
                .Distinct().ToList();
            added = Added(corp, members[_random.Next(members.Count)], AddWaysSeen.QrCode, way.State);
        }
        return Raise(corp, "add_external_contact", added.Xml, added.Userid, added.ExternalUserid, added.WelcomeCode, ct);
    }

    /// <summary>A new customer adds the member by searching their mobile number.</summary>
    public Task<CrowdOutcome> AddStaff(string corpId, string userid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        AddedCustomer added;
        lock (state.Sync) added = Added(corp, userid, AddWaysSeen.Mobile, null);
        return Raise(corp, "add_external_contact", added.Xml, added.Userid, added.ExternalUserid, added.WelcomeCode, ct);
    }

    /// <summary>The customer deletes the member (del_follow_user); the relation is gone from the member's list.</summary>
    public Task<CrowdOutcome> CustomerDeletesStaff(string corpId, string userid, string externalUserid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            var follow = corp.Follow(userid, externalUserid) ?? throw new InvalidOperationException("No such relation.");
            corp.Follows.Remove(follow);
            xml = SimEventXml.Build(corpId, state.Now, "change_external_contact", "del_follow_user", ("UserID", userid), ("ExternalUserID", externalUserid));
        }
        return Raise(corp, "del_follow_user", xml, userid, externalUserid, null, ct);
    }

    /// <summary>The member edits the customer's tags in the WeCom app (edit_external_contact).</summary>
    public Task<CrowdOutcome> StaffEditsTags(string corpId, string userid, string externalUserid, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            var follow = corp.Follow(userid, externalUserid) ?? throw new InvalidOperationException("No such relation.");
            // The app offers only the corp's live tags.
            if (add.Concat(remove).FirstOrDefault(t => corp.Tag(t) is null) is { } unknown) throw new InvalidOperationException($"No such tag: {unknown}.");
            follow.TagIds.UnionWith(add);
            follow.TagIds.ExceptWith(remove);
            xml = SimEventXml.Build(corpId, state.Now, "change_external_contact", "edit_external_contact", ("UserID", userid), ("ExternalUserID", externalUserid));
        }
        return Raise(corp, "edit_external_contact", xml, userid, externalUserid, null, ct);
    }

    /// <summary>A seeded mix of the actions above, run one after another against the corp's current state.</summary>
    public async Task<IReadOnlyList<CrowdOutcome>> Run(string corpId, int steps, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        var outcomes = new List<CrowdOutcome>();
        for (var i = 0; i < steps; i++)
        {
            Func<Task<CrowdOutcome>> next;
            lock (state.Sync)
            {
                var roll = _random.Next(100);
                var ways = corp.ContactWays.Keys.Order(StringComparer.Ordinal).ToList();
                var staff = corp.Staff.Values.Where(s => s.CanFollow && s.Status == 1).Select(s => s.Userid).Order(StringComparer.Ordinal).ToList();
                var follows = corp.Follows.ToList();
                var tags = corp.TagGroups.SelectMany(g => g.Tags).Select(t => t.Id).ToList();
                if (roll < 50 && ways.Count > 0) { var w = ways[_random.Next(ways.Count)]; next = () => ScanContactWay(corpId, w, ct); }
                else if (roll < 70 && follows.Count > 0 && tags.Count > 0)
                {
                    var f = follows[_random.Next(follows.Count)];
                    var t = tags[_random.Next(tags.Count)];
                    next = f.TagIds.Contains(t) ? () => StaffEditsTags(corpId, f.Userid, f.ExternalUserid, [], [t], ct)
                        : () => StaffEditsTags(corpId, f.Userid, f.ExternalUserid, [t], [], ct);
                }
                else if (roll < 85 && follows.Count > 0) { var f = follows[_random.Next(follows.Count)]; next = () => CustomerDeletesStaff(corpId, f.Userid, f.ExternalUserid, ct); }
                else if (staff.Count > 0) { var u = staff[_random.Next(staff.Count)]; next = () => AddStaff(corpId, u, ct); }
                else break;
            }
            outcomes.Add(await next());
        }
        return outcomes;
    }

    // Called under the lock: creates the customer and relation and, unless a console welcome message exists, a code.
    // The push happens after the lock is released, so a receiver that calls back into the simulator cannot deadlock.
    private AddedCustomer Added(SimCorp corp, string userid, int addWay, string? wayState)
    {
        var staff = corp.Staff[userid];
        var customer = corp.AddCustomer($"{Surnames[_random.Next(Surnames.Length)]}{GivenNames[_random.Next(GivenNames.Length)]}");
        customer.Gender = _random.Next(3);
        corp.Relate(userid, customer.ExternalUserid, state.Now, addWay, string.IsNullOrEmpty(wayState) ? null : wayState);
        string? code = null;
        if (!staff.HasConsoleWelcome)
        {
            code = corp.NewId("wc") + _random.Next(0x10000000, int.MaxValue).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            corp.WelcomeCodes[code] = new SimWelcomeCode { Code = code, Userid = userid, ExternalUserid = customer.ExternalUserid, IssuedAt = state.Time.GetUtcNow() };
        }
        var xml = SimEventXml.Build(corp.CorpId, state.Now, "change_external_contact", "add_external_contact",
            ("UserID", userid), ("ExternalUserID", customer.ExternalUserid), ("State", string.IsNullOrEmpty(wayState) ? null : wayState), ("WelcomeCode", code));
        return new AddedCustomer(xml, userid, customer.ExternalUserid, code);
    }

    private sealed record AddedCustomer(string Xml, string Userid, string ExternalUserid, string? WelcomeCode);

    private async Task<CrowdOutcome> Raise(SimCorp corp, string action, string xml, string userid, string externalUserid, string? code, CancellationToken ct)
    {
        SimCallbackConfig? callback;
        lock (state.Sync) callback = corp.Callback;
        var delivery = callback is null ? null : await pusher.Push(corp.CorpId, callback, xml, ct);
        return new CrowdOutcome(action, xml, userid, externalUserid, code, delivery);
    }

    private static class AddWaysSeen
    {
        public const int QrCode = 1;
        public const int Mobile = 2;
    }
}
