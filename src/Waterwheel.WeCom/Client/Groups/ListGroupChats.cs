namespace Waterwheel.WeCom.Client;

public sealed record OwnerFilter(IReadOnlyList<string> UseridList);

/// <summary>status_filter: 0 all, 1 awaiting succession, 2 in succession, 3 succession done. limit 1–1000.</summary>
public sealed record ListGroupChatsRequest(int Limit, int? StatusFilter = null, OwnerFilter? OwnerFilter = null, string? Cursor = null);

public sealed class GroupChatSummary
{
    public string ChatId { get; init; } = "";
    public int Status { get; init; }
}

public sealed class ListGroupChatsResponse : WeComResponse
{
    public List<GroupChatSummary> GroupChatList { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<ListGroupChatsResponse>> ListGroupChats(WeComApp app, ListGroupChatsRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<ListGroupChatsResponse>> ListGroupChats(WeComApp app, ListGroupChatsRequest request, CancellationToken ct = default) =>
        _transport.Post<ListGroupChatsResponse>(app, "externalcontact/groupchat/list", request, ct);
}
