using System.Text.Json;

namespace Waterwheel.WeCom.Client;

/// <summary>
/// A 「联系我」 configuration. One shape serves add (no ConfigId), get (everything) and update (ConfigId plus the
/// fields to change); nulls are not sent.
/// </summary>
public sealed class ContactWay
{
    public string? ConfigId { get; init; }
    /// <summary>1 single member, 2 several members.</summary>
    public int? Type { get; init; }
    /// <summary>1 mini-program button, 2 QR code.</summary>
    public int? Scene { get; init; }
    public int? Style { get; init; }
    public string? Remark { get; init; }
    public bool? SkipVerify { get; init; }
    /// <summary>Up to 30 characters; comes back as State on the add_external_contact event, which is how a channel is attributed.</summary>
    public string? State { get; init; }
    public string? QrCode { get; init; }
    public List<string>? User { get; init; }
    public List<long>? Party { get; init; }
    public bool? IsTemp { get; init; }
    public int? ExpiresIn { get; init; }
    public int? ChatExpiresIn { get; init; }
    public string? Unionid { get; init; }
    public bool? IsExclusive { get; init; }
    public JsonElement? Conclusions { get; init; }
}
