namespace Waterwheel.WeCom.Simulator.State;

/// <summary>One simulated corp and everything WeCom keeps for it. Mutate only under <see cref="SimulatorState.Sync"/>.</summary>
public sealed class SimCorp(string corpId)
{
    private int _nextId;

    public string CorpId { get; } = corpId;
    public HashSet<string> Secrets { get; } = [];
    public List<SimDepartment> Departments { get; } = [];
    public Dictionary<string, SimStaff> Staff { get; } = [];
    public Dictionary<string, SimCustomer> Customers { get; } = [];
    public List<SimFollow> Follows { get; } = [];
    public List<SimTagGroup> TagGroups { get; } = [];
    public Dictionary<string, SimContactWay> ContactWays { get; } = [];
    public Dictionary<string, SimGroup> Groups { get; } = [];
    public Dictionary<string, SimWelcomeCode> WelcomeCodes { get; } = [];
    public SimCallbackConfig? Callback { get; set; }
    public List<SimDelivery> Delivered { get; } = [];
    public Dictionary<string, SimMassMessage> MassMessages { get; } = [];
    public List<SimTransfer> Transfers { get; } = [];
    public Dictionary<string, SimJoinWay> JoinWays { get; } = [];
    public List<SimGroupTransfer> GroupTransfers { get; } = [];
    public Dictionary<string, SimGroupWelcomeTemplate> GroupWelcomeTemplates { get; } = [];
    public Dictionary<string, SimMedia> Media { get; } = [];
    public Dictionary<string, SimMomentJob> MomentJobs { get; } = [];

    /// <summary>How long an add_moment_task job runs before its result is ready.</summary>
    public TimeSpan MomentJobDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Moment jobs that may run at once before add_moment_task answers 41078 (WeCom does not publish its number).</summary>
    public int MomentJobsRunningLimit { get; set; } = 10;

    /// <summary>Mass messages a customer may receive per calendar month (default: as many as the month has days).</summary>
    public int? MassMessagesPerCustomerPerMonth { get; set; }

    /// <summary>How long after creation task and result queries still answer 41063 ("still dispatching").</summary>
    public TimeSpan MassDispatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>WeCom's 500k cap on contact ways made through the API; lowered in tests to reach 41045.</summary>
    public int ContactWayQuota { get; set; } = 500_000;
    public int ContactWaysCreated { get; set; }

    /// <summary>Deterministic ids, so a seeded run produces the same data every time.</summary>
    public string NewId(string prefix) => $"{prefix}{CorpId}{Interlocked.Increment(ref _nextId):D6}";

    public SimFollow? Follow(string userid, string externalUserid) =>
        Follows.FirstOrDefault(f => f.Userid == userid && f.ExternalUserid == externalUserid);

    public SimTag? Tag(string id) => TagGroups.SelectMany(g => g.Tags).FirstOrDefault(t => t.Id == id);

    public SimStaff AddStaff(string userid, string name, params long[] departments)
    {
        var staff = new SimStaff { Userid = userid, Name = name, Departments = departments.Length > 0 ? [.. departments] : [1] };
        Staff[userid] = staff;
        return staff;
    }

    public SimCustomer AddCustomer(string name, int type = 1)
    {
        var customer = new SimCustomer { ExternalUserid = NewId("wm"), Name = name, Type = type, Unionid = NewId("ou") };
        Customers[customer.ExternalUserid] = customer;
        return customer;
    }

    public SimFollow Relate(string userid, string externalUserid, long createTime, int addWay = 1, string? state = null)
    {
        var follow = Follow(userid, externalUserid);
        if (follow is not null) return follow;
        follow = new SimFollow { Userid = userid, ExternalUserid = externalUserid, CreateTime = createTime, AddWay = addWay, State = state };
        Follows.Add(follow);
        return follow;
    }

    /// <summary>
    /// Test hook: the member leaves the corp. Their customers stay attached to them, unassigned, until a resigned
    /// transfer; their groups await succession (status 1). WeCom reports this through the address-book callback,
    /// not the 客户联系 one, so nothing is pushed.
    /// </summary>
    public void Resign(string userid, DateTimeOffset at)
    {
        var staff = Staff[userid];
        (staff.Status, staff.CanFollow, staff.ResignedAt) = (5, false, at);
        foreach (var group in Groups.Values.Where(g => g.Owner == userid)) group.Status = 1;
    }

    public SimTagGroup AddTagGroup(string name, long createTime, params string[] tags)
    {
        var group = new SimTagGroup { GroupId = NewId("et"), GroupName = name, CreateTime = createTime };
        foreach (var tag in tags) group.Tags.Add(new SimTag { Id = NewId("et"), Name = tag, CreateTime = createTime });
        TagGroups.Add(group);
        return group;
    }

    public SimGroup AddGroup(string name, string owner, long createTime)
    {
        var group = new SimGroup { ChatId = NewId("wr"), Name = name, Owner = owner, CreateTime = createTime };
        group.Members.Add(new SimGroupMember { Userid = owner, Type = 1, JoinTime = createTime });
        Groups[group.ChatId] = group;
        return group;
    }
}
