namespace Waterwheel.WeCom.Client;

public partial interface IWeComClient
{
    /// <summary>externalcontact/del_corp_tag: deleting every tag of a group deletes the group too.</summary>
    Task<WeComResult<WeComResponse>> DeleteCorpTag(WeComApp app, IReadOnlyList<string>? tagIds = null, IReadOnlyList<string>? groupIds = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> DeleteCorpTag(WeComApp app, IReadOnlyList<string>? tagIds = null, IReadOnlyList<string>? groupIds = null, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/del_corp_tag", new { tag_id = tagIds ?? [], group_id = groupIds ?? [] }, ct);
}
