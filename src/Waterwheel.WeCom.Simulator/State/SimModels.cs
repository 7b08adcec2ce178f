namespace Waterwheel.WeCom.Simulator.State;

// Plain mutable records of the simulated corp. They are only touched under SimulatorState.Sync.

public sealed class SimDepartment
{
    public required long Id { get; init; }
    public required string Name { get; set; }
    public long ParentId { get; set; }
    public long Order { get; set; }
}

public sealed class SimStaff
{
    public required string Userid { get; init; }
    public required string Name { get; set; }
    public List<long> Departments { get; set; } = [1];
    /// <summary>1 active, 2 disabled, 4 not activated, 5 left — as user/list reports it.</summary>
    public int Status { get; set; } = 1;
    /// <summary>Whether 客户联系 is enabled for the member (get_follow_user_list).</summary>
    public bool CanFollow { get; set; } = true;
    /// <summary>A console-configured welcome message suppresses the WelcomeCode on add events, as in WeCom.</summary>
    public bool HasConsoleWelcome { get; set; }
    /// <summary>When the member left the corp (<see cref="SimCorp.Resign"/>); their customers await succession.</summary>
    public DateTimeOffset? ResignedAt { get; set; }

    public bool IsActive => Status == 1 && ResignedAt is null;
}

public sealed class SimCustomer
{
    public required string ExternalUserid { get; init; }
    public required string Name { get; set; }
    public int Type { get; set; } = 1;
    public int Gender { get; set; }
    public string? Unionid { get; set; }
    public string Avatar { get; set; } = "";
}

public sealed class SimFollow
{
    public required string Userid { get; init; }
    public required string ExternalUserid { get; init; }
    public string Remark { get; set; } = "";
    public string Description { get; set; } = "";
    public string RemarkCorpName { get; set; } = "";
    public List<string> RemarkMobiles { get; set; } = [];
    public long CreateTime { get; set; }
    public int AddWay { get; set; }
    public string? State { get; set; }
    public HashSet<string> TagIds { get; } = [];
}

public sealed class SimTag
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public long Order { get; set; }
    public long CreateTime { get; init; }
}

public sealed class SimTagGroup
{
    public required string GroupId { get; init; }
    public required string GroupName { get; set; }
    public long Order { get; set; }
    public long CreateTime { get; init; }
    public List<SimTag> Tags { get; } = [];
}

public sealed class SimContactWay
{
    public required string ConfigId { get; init; }
    public int Type { get; set; }
    public int Scene { get; set; }
    public int Style { get; set; }
    public string Remark { get; set; } = "";
    public bool SkipVerify { get; set; } = true;
    public string State { get; set; } = "";
    public List<string> Users { get; set; } = [];
    public List<long> Parties { get; set; } = [];
    public long CreateTime { get; init; }
    public string QrCode => $"https://wework.qpic.cn/simulator/{ConfigId}/0";
}

public sealed class SimGroupMember
{
    public required string Userid { get; init; }
    public int Type { get; init; }
    public long JoinTime { get; init; }
    public int JoinScene { get; init; } = 1;
    public string? InvitorUserid { get; init; }
    public string? State { get; init; }
}

public sealed class SimGroup
{
    public required string ChatId { get; init; }
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public long CreateTime { get; init; }
    public string Notice { get; set; } = "";
    /// <summary>0 normal, 1 owner left (awaiting succession), 2 succession running, 3 succession done.</summary>
    public int Status { get; set; }
    public List<SimGroupMember> Members { get; } = [];
    /// <summary>When on-job transfers changed this group's owner (at most 2 in 90 days).</summary>
    public List<DateTimeOffset> OnJobTransfers { get; } = [];
    public List<string> Admins { get; } = [];
    public int Version { get; set; } = 1;
    public string MemberVersion => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{ChatId}:{Version}")));
}

public sealed class SimWelcomeCode
{
    public required string Code { get; init; }
    public required string Userid { get; init; }
    public required string ExternalUserid { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public bool Used { get; set; }
}

/// <summary>Where and how the simulated WeCom pushes this corp's callbacks (the app's 接收消息 settings).</summary>
public sealed record SimCallbackConfig(Uri Url, string Token, string EncodingAesKey, string AgentId = "1000002");

/// <summary>A welcome message that reached a customer; tests read these to see what a customer actually got.</summary>
/// Attachments holds each attachment's msgtype, in order.
public sealed record SimDelivery(string Userid, string ExternalUserid, string? Text, IReadOnlyList<string>? Attachments = null);
