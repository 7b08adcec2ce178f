namespace Waterwheel.Acquisition.Funnels;

public sealed record FunnelQuery
{
    public Guid? ChannelId { get; set; }
    public Guid? CodeId { get; set; }

    /// <summary>One store's staff's adds.</summary>
    public Guid? StoreId { get; set; }

    /// <summary>One guide's adds (their WeCom userid).</summary>
    public string? StaffUserId { get; set; }

    /// <summary>First and last day, in the tenant's time zone; by default the 30 days up to today.</summary>
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>
/// One day of the funnel: the landing pages opened that day (<see cref="Scans"/>: nearest-store codes' pages; a plain
/// code's scan goes straight to WeCom, which reports none; null when the funnel is narrowed to a store or guide, whom a
/// scan does not yet have), the customers who added a staff member through a code that day, how many of them the code
/// tagged (of those whose code gives tags), deleted the staff member since, were still there 1, 7 and 30 days after
/// adding (null until that many days have passed: not yet known is not zero), placed an order within 30 days, and what
/// the channels in view spent that day (yuan; null when the funnel is narrowed to a code, store or guide, whose share of
/// a channel's cost is not known).
/// </summary>
public sealed record FunnelDay(DateOnly Day, int Adds, int Tagged, int Deleted, int? Retained1, int? Retained7, int? Retained30, int? Scans = null,
    int Ordered30 = 0, decimal? Spent = null);

/// <summary>
/// The funnel by day, with its totals and cost. <see cref="Cost"/> is what the channels in view (a campaign's children
/// included) spent on the span's days, over the fans the span brought (<see cref="CostPerFan"/>) and over those of them
/// still present now (<see cref="CostPerRetainedFan"/>); null when narrowed to a code, store or guide. The lifetime
/// figures spread the channels' whole cost over every fan they ever brought and over those still present.
/// </summary>
public sealed record FunnelView(DateOnly From, DateOnly To, IReadOnlyList<FunnelDay> Days, FunnelDay Total, decimal? Cost, int FansPresent,
    decimal? CostPerFan, decimal? CostPerRetainedFan, FunnelLifetime Lifetime);

/// <summary>The channels' whole cost over every fan they ever brought, and over those still present now.</summary>
public sealed record FunnelLifetime(decimal? Cost, int FansEver, int FansPresent, decimal? CostPerFan, decimal? CostPerRetainedFan);

/// <summary>One guide's row of the board: adds in the span, those still present, lost, retained after 7 days (when known) and ordered within 30 days.</summary>
public sealed record GuideFunnelRow(string StaffUserId, string? Name, string? StoreName, int Adds, int Present, int Deleted, int? Retained7, int Ordered30)
{
    /// <summary>Still present of those added, 0–1.</summary>
    public double PresentRate => Adds == 0 ? 0 : (double)Present / Adds;
}
