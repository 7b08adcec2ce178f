namespace Waterwheel.WeCom.Client;

public sealed class GroupMsgTask
{
    public string Userid { get; init; } = "";
    /// <summary>0 not yet sent, 2 sent by the member (other values are not confirmed, so this stays a number).</summary>
    public int Status { get; init; }
    public long SendTime { get; init; }
}

public sealed class GroupMsgTaskResponse : WeComResponse
{
    public List<GroupMsgTask> TaskList { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/get_groupmsg_task: each member's confirmation; 41063 right after creation is retried.</summary>
    Task<WeComResult<GroupMsgTaskResponse>> GetGroupMsgTask(WeComApp app, string msgid, int? limit = null, string? cursor = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GroupMsgTaskResponse>> GetGroupMsgTask(WeComApp app, string msgid, int? limit = null, string? cursor = null, CancellationToken ct = default) =>
        _transport.Post<GroupMsgTaskResponse>(app, "externalcontact/get_groupmsg_task", new { msgid, limit, cursor }, ct);
}
