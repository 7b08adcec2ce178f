using System.Text.Json;

namespace Waterwheel.WeCom.Client;

/// <summary>Times are unix seconds and the range may not exceed a month. filter_type: 0 corp, 1 personal, 2 all.</summary>
public sealed record GroupMsgListRequest(string ChatType, long StartTime, long EndTime, string? Creator = null, int? FilterType = null, int? Limit = null, string? Cursor = null);

public sealed class GroupMsg
{
    public string Msgid { get; init; } = "";
    public string? Creator { get; init; }
    public long CreateTime { get; init; }
    /// <summary>0 created by the corp, 1 by a member.</summary>
    public int CreateType { get; init; }
    public TextContent? Text { get; init; }
    public JsonElement? Attachments { get; init; }
}

public sealed class GroupMsgListResponse : WeComResponse
{
    public List<GroupMsg> GroupMsgList { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<GroupMsgListResponse>> GetGroupMsgList(WeComApp app, GroupMsgListRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GroupMsgListResponse>> GetGroupMsgList(WeComApp app, GroupMsgListRequest request, CancellationToken ct = default) =>
        _transport.Post<GroupMsgListResponse>(app, "externalcontact/get_groupmsg_list_v2", request, ct);
}
