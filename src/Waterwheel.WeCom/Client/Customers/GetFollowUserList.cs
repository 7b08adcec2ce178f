namespace Waterwheel.WeCom.Client;

public sealed class FollowUserListResponse : WeComResponse
{
    public List<string> FollowUser { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/get_follow_user_list: the members who may have customers (客户联系 enabled).</summary>
    Task<WeComResult<FollowUserListResponse>> GetFollowUserList(WeComApp app, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<FollowUserListResponse>> GetFollowUserList(WeComApp app, CancellationToken ct = default) =>
        _transport.Get<FollowUserListResponse>(app, "externalcontact/get_follow_user_list", ct);
}
