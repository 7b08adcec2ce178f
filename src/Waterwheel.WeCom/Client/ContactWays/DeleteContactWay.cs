namespace Waterwheel.WeCom.Client;

public partial interface IWeComClient
{
    Task<WeComResult<WeComResponse>> DeleteContactWay(WeComApp app, string configId, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> DeleteContactWay(WeComApp app, string configId, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/del_contact_way", new { config_id = configId }, ct);
}
