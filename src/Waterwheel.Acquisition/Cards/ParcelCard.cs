namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// A parcel card (包裹卡) for one e-commerce order: its printed QR opens <c>/h5/card/{token}</c>, which shows a guide of
/// the card's live code through a single-member WeCom way made for this card when it is first opened. That way's state
/// names the card, so the add it brings is the code's arrival and its customer is linked to the order's buyer (ADR 18).
/// One card per order (channel and number) in the tenant: asking again for the same order gives the same card.
/// </summary>
internal sealed class ParcelCard
{
    public const int TokenLength = 12;
    public const int ChannelLength = 20;
    public const int OrderNumberLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid CodeId { get; init; }

    /// <summary>The import channel the order came from (tmall, jd, douyin); an order number is unique within it only.</summary>
    public required string Channel { get; init; }
    public required string OrderNumber { get; init; }

    /// <summary>72 random bits, URL-safe: the card's address, unique across tenants (the page knows no tenant before it).</summary>
    public required string Token { get; init; }

    /// <summary>"pc" and the token: 14 characters, the state of the card's way (WeCom allows 30).</summary>
    public string State => StateOf(Token);

    /// <summary>The card's way, once the page has been opened and a guide picked; the guide stays the card's for life.</summary>
    public string? WeComUserId { get; set; }
    public string? ConfigId { get; set; }
    public string? QrCodeUrl { get; set; }

    /// <summary>The first customer who added through the card: the one linked to the order's buyer. Later adds link no one.</summary>
    public string? LinkedExternalUserId { get; set; }
    public DateTime? LinkedAt { get; set; }

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }

    public const string StatePrefix = "pc";

    public static string StateOf(string token) => StatePrefix + token;

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9)).Replace('+', '-').Replace('/', '_');
}
