namespace Waterwheel.WeCom.Client;

/// <summary>The two lists cannot both be empty; 40068 names a bad tag id.</summary>
public sealed record MarkTagRequest(string Userid, string ExternalUserid, IReadOnlyList<string>? AddTag = null, IReadOnlyList<string>? RemoveTag = null);

public partial interface IWeComClient
{
    Task<WeComResult<WeComResponse>> MarkTag(WeComApp app, MarkTagRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> MarkTag(WeComApp app, MarkTagRequest request, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/mark_tag", request, ct);
}
