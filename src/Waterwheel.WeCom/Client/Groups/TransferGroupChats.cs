namespace Waterwheel.WeCom.Client;

/// <summary>1–100 customer groups and the member who takes them over.</summary>
public sealed record GroupTransferRequest(IReadOnlyList<string> ChatIdList, string NewOwner);

/// <summary>A group that kept its owner, and why (e.g. 90500 owner has not left, 90502 owner has left, 90504 same owner).</summary>
public sealed class FailedChat
{
    public string ChatId { get; init; } = "";
    public int Errcode { get; init; }
    public string? Errmsg { get; init; }
}

public sealed class GroupTransferResponse : WeComResponse
{
    /// <summary>Only the groups that failed; every other listed group now has the new owner.</summary>
    public List<FailedChat> FailedChatList { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/groupchat/transfer: groups whose owner has left. At most 300 groups of one original owner per
    /// day; check <see cref="GroupTransferResponse.FailedChatList"/>.
    /// </summary>
    Task<WeComResult<GroupTransferResponse>> TransferResignedGroupChats(WeComApp app, GroupTransferRequest request, CancellationToken ct = default);

    /// <summary>
    /// externalcontact/groupchat/onjob_transfer: groups of a member still employed. A group can change owner this way
    /// at most twice in 90 days, and at most 300 groups of one owner per day.
    /// </summary>
    Task<WeComResult<GroupTransferResponse>> TransferGroupChatsOnJob(WeComApp app, GroupTransferRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GroupTransferResponse>> TransferResignedGroupChats(WeComApp app, GroupTransferRequest request, CancellationToken ct = default) =>
        _transport.Post<GroupTransferResponse>(app, "externalcontact/groupchat/transfer", request, ct);

    public Task<WeComResult<GroupTransferResponse>> TransferGroupChatsOnJob(WeComApp app, GroupTransferRequest request, CancellationToken ct = default) =>
        _transport.Post<GroupTransferResponse>(app, "externalcontact/groupchat/onjob_transfer", request, ct);
}
