namespace Waterwheel.WeCom.Client;

public sealed class GroupMemberRef
{
    public string Userid { get; init; } = "";
}

public sealed class GroupMember
{
    public string Userid { get; init; } = "";
    /// <summary>1 staff member, 2 external contact.</summary>
    public int Type { get; init; }
    public string? Unionid { get; init; }
    public long JoinTime { get; init; }
    /// <summary>1 invited directly, 2 via link, 3 via QR code (kept open).</summary>
    public int JoinScene { get; init; }
    public GroupMemberRef? Invitor { get; init; }
    public string? GroupNickname { get; init; }
    public string? Name { get; init; }
    public string? State { get; init; }
}

public sealed class GroupChat
{
    public string ChatId { get; init; } = "";
    public string? Name { get; init; }
    public string? Owner { get; init; }
    public long CreateTime { get; init; }
    public string? Notice { get; init; }
    public List<GroupMember> MemberList { get; init; } = [];
    public List<GroupMemberRef> AdminList { get; init; } = [];
    /// <summary>Equals CurMemVer of the latest change_external_chat event; compare to decide whether to re-fetch.</summary>
    public string? MemberVersion { get; init; }
}

public sealed class GetGroupChatResponse : WeComResponse
{
    public GroupChat? GroupChat { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<GetGroupChatResponse>> GetGroupChat(WeComApp app, string chatId, bool needName = true, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GetGroupChatResponse>> GetGroupChat(WeComApp app, string chatId, bool needName = true, CancellationToken ct = default) =>
        _transport.Post<GetGroupChatResponse>(app, "externalcontact/groupchat/get", new { chat_id = chatId, need_name = needName ? 1 : 0 }, ct);
}
