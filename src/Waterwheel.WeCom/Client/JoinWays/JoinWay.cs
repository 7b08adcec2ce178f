namespace Waterwheel.WeCom.Client;

/// <summary>
/// A 群活码. One shape for add (no ConfigId), get and update; at most 5 chats (41091). Third-party and 代开发 apps
/// must buy the 「加入群聊」 interface to use it.
/// </summary>
public sealed class JoinWay
{
    public string? ConfigId { get; init; }
    /// <summary>1 mini-program, 2 QR code.</summary>
    public int? Scene { get; init; }
    public string? Remark { get; init; }
    public int? AutoCreateRoom { get; init; }
    public string? RoomBaseName { get; init; }
    public long? RoomBaseId { get; init; }
    public List<string>? ChatIdList { get; init; }
    public string? QrCode { get; init; }
    public string? State { get; init; }
    public int? MarkSource { get; init; }
}

public sealed class AddJoinWayResponse : WeComResponse
{
    public string ConfigId { get; init; } = "";
}

public sealed class GetJoinWayResponse : WeComResponse
{
    public JoinWay? JoinWay { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<AddJoinWayResponse>> AddJoinWay(WeComApp app, JoinWay way, CancellationToken ct = default);
    Task<WeComResult<GetJoinWayResponse>> GetJoinWay(WeComApp app, string configId, CancellationToken ct = default);
    Task<WeComResult<WeComResponse>> UpdateJoinWay(WeComApp app, JoinWay way, CancellationToken ct = default);
    Task<WeComResult<WeComResponse>> DeleteJoinWay(WeComApp app, string configId, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddJoinWayResponse>> AddJoinWay(WeComApp app, JoinWay way, CancellationToken ct = default) =>
        _transport.Post<AddJoinWayResponse>(app, "externalcontact/groupchat/add_join_way", way, ct);

    public Task<WeComResult<GetJoinWayResponse>> GetJoinWay(WeComApp app, string configId, CancellationToken ct = default) =>
        _transport.Post<GetJoinWayResponse>(app, "externalcontact/groupchat/get_join_way", new { config_id = configId }, ct);

    public Task<WeComResult<WeComResponse>> UpdateJoinWay(WeComApp app, JoinWay way, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/groupchat/update_join_way", way, ct);

    public Task<WeComResult<WeComResponse>> DeleteJoinWay(WeComApp app, string configId, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/groupchat/del_join_way", new { config_id = configId }, ct);
}
