namespace Waterwheel.WeCom.Client;

public sealed class GetContactWayResponse : WeComResponse
{
    public ContactWay? ContactWay { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<GetContactWayResponse>> GetContactWay(WeComApp app, string configId, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<GetContactWayResponse>> GetContactWay(WeComApp app, string configId, CancellationToken ct = default) =>
        _transport.Post<GetContactWayResponse>(app, "externalcontact/get_contact_way", new { config_id = configId }, ct);
}
