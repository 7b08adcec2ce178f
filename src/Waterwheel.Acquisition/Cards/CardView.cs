namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// A card as the warehouse prints it: the order, the card's page (relative to the server's address) and its QR image.
/// Whether someone added through it, and when; never who.
/// </summary>
public sealed record CardView(string Channel, string OrderNumber, string Token, string Url, string QrUrl, bool Opened, DateTime? LinkedAt, DateTime CreatedAt)
{
    internal static CardView Of(ParcelCard c) =>
        new(c.Channel, c.OrderNumber, c.Token, PagePath(c.Token), PagePath(c.Token) + "/qr.png", c.ConfigId is not null, c.LinkedAt, c.CreatedAt);

    public static string PagePath(string token) => $"/h5/card/{token}";
}
