namespace Waterwheel.Customers.Overview;

/// <summary>One day of the brand's (or the viewer's part of it) WeCom relationships: how many began, how many the customer ended.</summary>
public sealed record GrowthDay(DateOnly Day, int Added, int Lost)
{
    public int Net => Added - Lost;
}

/// <summary>A store or guide ranked by net adds over the overview's days.</summary>
public sealed record GrowthLeader(Guid Id, string Name, string? StoreName, int Added, int Lost)
{
    public int Net => Added - Lost;
}

/// <summary>
/// What an operator opens first: today's adds and losses, the daily trend, and who grew the most — counted over the
/// viewer's data scope, in the brand's time zone. Numbers only: no customer is named.
/// </summary>
public sealed record GrowthOverview(DateOnly Today, int Active, IReadOnlyList<GrowthDay> Days, IReadOnlyList<GrowthLeader> TopStores,
    IReadOnlyList<GrowthLeader> TopGuides)
{
    public GrowthDay TodayFigures => Days.Count > 0 ? Days[^1] : new GrowthDay(Today, 0, 0);
}
