namespace Waterwheel.WeCom.Client;

public sealed class ExternalContactIdsResponse : WeComResponse
{
    public List<string> ExternalUserid { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/list: the external_userids of one member's customers.</summary>
    Task<WeComResult<ExternalContactIdsResponse>> ListExternalContacts(WeComApp app, string userid, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<ExternalContactIdsResponse>> ListExternalContacts(WeComApp app, string userid, CancellationToken ct = default) =>
        _transport.Get<ExternalContactIdsResponse>(app, "externalcontact/list", ct, ("userid", userid));
}
