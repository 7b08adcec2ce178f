namespace Waterwheel.WeCom.Client;

public sealed class FollowUserTag
{
    public string? GroupName { get; init; }
    public string? TagName { get; init; }
    /// <summary>1 corp tag, 2 personal tag, 3 rule-group tag.</summary>
    public int Type { get; init; }
    public string? TagId { get; init; }
}

/// <summary>One member's side of the relation, as externalcontact/get returns it (an array entry with full tags).</summary>
public sealed class FollowUser
{
    public string Userid { get; init; } = "";
    public string? Remark { get; init; }
    public string? Description { get; init; }
    public long Createtime { get; init; }
    public List<FollowUserTag> Tags { get; init; } = [];
    public string? RemarkCorpName { get; init; }
    public List<string> RemarkMobiles { get; init; } = [];
    public string? OperUserid { get; init; }
    public int AddWay { get; init; }
    public string? State { get; init; }
}

public sealed class GetExternalContactResponse : WeComResponse
{
    public ExternalContact? ExternalContact { get; init; }
    public List<FollowUser> FollowUser { get; init; } = [];
    /// <summary>Set when the customer has more than 500 followers.</summary>
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/get: one customer and the members who follow them.</summary>
    Task<WeComResult<GetExternalContactResponse>> GetExternalContact(WeComApp app, string externalUserid, string? cursor = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GetExternalContactResponse>> GetExternalContact(WeComApp app, string externalUserid, string? cursor = null, CancellationToken ct = default) =>
        _transport.Get<GetExternalContactResponse>(app, "externalcontact/get", ct, ("external_userid", externalUserid), ("cursor", cursor));
}
