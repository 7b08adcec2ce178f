namespace Waterwheel.Acquisition.Channels;

/// <summary>Where customers are met: a poster, a parcel card, a counter… Campaigns are channels with children.</summary>
public enum ChannelKind { Poster, ParcelCard, Receipt, Ad, StoreCounter, LiveStream, Link, Event }

/// <summary>
/// A touchpoint that brings customers, with what it cost (yuan, 2 decimals) so that cost per fan can be computed.
/// One level of nesting is kept: a campaign (no parent) holds channels; codes hang on either.
/// The cost was spent evenly over the days from <see cref="SpendFrom"/> to <see cref="SpendTo"/> (an ad's flight);
/// without them it was spent on the day the channel was created (a one-off, such as printing posters).
/// </summary>
internal sealed class Channel
{
    public const int NameLength = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; set; } = "";
    public ChannelKind Kind { get; set; }
    public decimal Cost { get; set; }
    public DateOnly? SpendFrom { get; set; }
    public DateOnly? SpendTo { get; set; }
    public Guid? ParentId { get; set; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }
}
