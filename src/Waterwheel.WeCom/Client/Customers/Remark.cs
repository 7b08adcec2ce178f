namespace Waterwheel.WeCom.Client;

/// <summary>At least one field besides the ids must be set; RemarkMobiles = [""] clears the mobiles.</summary>
public sealed record RemarkRequest(
    string Userid,
    string ExternalUserid,
    string? Remark = null,
    string? Description = null,
    string? RemarkCompany = null,
    IReadOnlyList<string>? RemarkMobiles = null,
    string? RemarkPicMediaid = null);

public partial interface IWeComClient
{
    /// <summary>externalcontact/remark: the member's remark, description, company and mobiles for a customer.</summary>
    Task<WeComResult<WeComResponse>> Remark(WeComApp app, RemarkRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> Remark(WeComApp app, RemarkRequest request, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/remark", request, ct);
}
