namespace Waterwheel.WeCom.Client;

public sealed record NewCorpTag(string Name, long? Order = null);

/// <summary>Adds tags to an existing group (GroupId) or creates the group (GroupName).</summary>
public sealed record AddCorpTagRequest(IReadOnlyList<NewCorpTag> Tag, string? GroupId = null, string? GroupName = null, long? Order = null, long? Agentid = null);

public sealed class AddCorpTagResponse : WeComResponse
{
    public CorpTagGroup? TagGroup { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/add_corp_tag. 40071 means the name exists already.</summary>
    Task<WeComResult<AddCorpTagResponse>> AddCorpTag(WeComApp app, AddCorpTagRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddCorpTagResponse>> AddCorpTag(WeComApp app, AddCorpTagRequest request, CancellationToken ct = default) =>
        _transport.Post<AddCorpTagResponse>(app, "externalcontact/add_corp_tag", request, ct);
}
