namespace Waterwheel.Acquisition.Funnels;

public sealed record FunnelQuery
{
    public Guid? ChannelId { get; set; }
    public Guid? CodeId { get; set; }

    /// <summary>First and last day, in the tenant's time zone; by default the 30 days up to today.</summary>
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>
/// One day of the funnel: the customers who added a staff member through a code that day, how many of them were
/// tagged, deleted the staff member since, and were still there 1, 7 and 30 days after adding (null until that many
/// days have passed: not yet known is not zero).
/// </summary>
public sealed record FunnelDay(DateOnly Day, int Adds, int Tagged, int Deleted, int? Retained1, int? Retained7, int? Retained30);

/// <summary>
/// The funnel by day, with its totals and cost: the cost of the channels in view (a campaign's children included)
/// spread over every fan they ever brought, and over those still present now.
/// </summary>
public sealed record FunnelView(DateOnly From, DateOnly To, IReadOnlyList<FunnelDay> Days, FunnelDay Total, decimal Cost, int FansEver, int FansPresent,
    decimal? CostPerFan, decimal? CostPerRetainedFan);
