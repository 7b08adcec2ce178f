namespace Waterwheel.WeCom.Client;

public sealed class AddContactWayResponse : WeComResponse
{
    public string ConfigId { get; init; } = "";
    public string? QrCode { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/add_contact_way: a new 「联系我」 QR code or button (type 1 takes exactly one user).</summary>
    Task<WeComResult<AddContactWayResponse>> AddContactWay(WeComApp app, ContactWay way, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddContactWayResponse>> AddContactWay(WeComApp app, ContactWay way, CancellationToken ct = default) =>
        _transport.Post<AddContactWayResponse>(app, "externalcontact/add_contact_way", way, ct);
}
