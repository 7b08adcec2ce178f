namespace Waterwheel.WeCom.Client;

public partial interface IWeComClient
{
    /// <summary>externalcontact/update_contact_way: changes the given fields of the way named by ConfigId.</summary>
    Task<WeComResult<WeComResponse>> UpdateContactWay(WeComApp app, ContactWay way, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> UpdateContactWay(WeComApp app, ContactWay way, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/update_contact_way", way, ct);
}
