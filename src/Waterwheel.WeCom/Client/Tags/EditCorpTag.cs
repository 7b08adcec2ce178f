namespace Waterwheel.WeCom.Client;

/// <summary>Id is a tag id or a group id; only tags the calling app created can be edited.</summary>
public sealed record EditCorpTagRequest(string Id, string? Name = null, long? Order = null);

public partial interface IWeComClient
{
    Task<WeComResult<WeComResponse>> EditCorpTag(WeComApp app, EditCorpTagRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> EditCorpTag(WeComApp app, EditCorpTagRequest request, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/edit_corp_tag", request, ct);
}
