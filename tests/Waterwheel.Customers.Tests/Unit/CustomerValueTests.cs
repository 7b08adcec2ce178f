using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class CustomerValueTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
    private static readonly CustomerValueOptions Defaults = new();

    private static CustomerProfile Customer(int firstSeenDaysAgo, params (int DaysAgo, decimal Amount)[] orders)
    {
        var profile = new CustomerProfile { FirstSeenAt = Now.AddDays(-firstSeenDaysAgo), LastSeenAt = Now.AddDays(-firstSeenDaysAgo) };
        foreach (var (days, amount) in orders) profile.AddOrder(amount, Now.AddDays(-days));
        return profile;
    }

    [Fact]
    public void A_customer_without_orders_has_no_scores_and_is_new_for_a_month()
    {
        var value = Defaults.Of(Customer(3), Now);
        Assert.Equal((0, 0, 0, 0m, LifecycleStage.New), (value.Recency, value.Frequency, value.Monetary, value.AverageOrderValue, value.Stage));
        Assert.Equal(LifecycleStage.Dormant, Defaults.Of(Customer(200), Now).Stage);
    }

    [Fact]
    public void Order_figures_and_scores_follow_the_thresholds()
    {
        var value = Defaults.Of(Customer(400, (10, 300m), (45, 250.5m), (100, 600m)), Now);
        Assert.Equal((3, 1150.50m, 383.50m, 10), (value.OrderCount, value.TotalSpent, value.AverageOrderValue, value.DaysSinceLastOrder!.Value));
        Assert.Equal((5, 3, 4), (value.Recency, value.Frequency, value.Monetary));
        Assert.Equal(LifecycleStage.Active, value.Stage);
    }

    [Theory]
    [InlineData(95, LifecycleStage.AtRisk)]
    [InlineData(200, LifecycleStage.Dormant)]
    [InlineData(400, LifecycleStage.Lost)]
    public void A_quiet_customer_moves_down_the_stages(int daysSinceOrder, LifecycleStage stage) =>
        Assert.Equal(stage, Defaults.Of(Customer(500, (daysSinceOrder, 50m), (daysSinceOrder + 10, 50m)), Now).Stage);
}
