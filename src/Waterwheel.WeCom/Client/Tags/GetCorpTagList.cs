namespace Waterwheel.WeCom.Client;

public sealed class CorpTagListResponse : WeComResponse
{
    public List<CorpTagGroup> TagGroup { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/get_corp_tag_list: everything when both filters are empty; group ids win when both are given.</summary>
    Task<WeComResult<CorpTagListResponse>> GetCorpTagList(WeComApp app, IReadOnlyList<string>? tagIds = null, IReadOnlyList<string>? groupIds = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<CorpTagListResponse>> GetCorpTagList(WeComApp app, IReadOnlyList<string>? tagIds = null, IReadOnlyList<string>? groupIds = null, CancellationToken ct = default) =>
        _transport.Post<CorpTagListResponse>(app, "externalcontact/get_corp_tag_list",
            new { tag_id = tagIds ?? [], group_id = groupIds ?? [] }, ct);
}
