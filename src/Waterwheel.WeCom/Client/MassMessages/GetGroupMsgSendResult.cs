namespace Waterwheel.WeCom.Client;

public sealed class GroupMsgSendResult
{
    public string? ExternalUserid { get; init; }
    public string? ChatId { get; init; }
    public string Userid { get; init; } = "";
    /// <summary>0 unsent, 1 sent, 2 not a friend, 3 the customer already had their quota of mass messages.</summary>
    public int Status { get; init; }
    public long SendTime { get; init; }
}

public sealed class GroupMsgSendResultResponse : WeComResponse
{
    public List<GroupMsgSendResult> SendList { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<GroupMsgSendResultResponse>> GetGroupMsgSendResult(WeComApp app, string msgid, string userid, int? limit = null, string? cursor = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GroupMsgSendResultResponse>> GetGroupMsgSendResult(WeComApp app, string msgid, string userid, int? limit = null, string? cursor = null, CancellationToken ct = default) =>
        _transport.Post<GroupMsgSendResultResponse>(app, "externalcontact/get_groupmsg_send_result", new { msgid, userid, limit, cursor }, ct);
}
