namespace Waterwheel.Customers.Profiles;

/// <summary>Where a customer is in their life with the brand.</summary>
public enum LifecycleStage { New, Active, AtRisk, Dormant, Lost }

/// <summary>
/// What a customer is worth and how recently: order figures, R/F/M scores (1–5, 0 without orders) and the lifecycle
/// stage. Computed when read, from the stored order figures and today's date, so that "90 days since the last order"
/// never goes stale.
/// </summary>
public sealed record CustomerValue(
    int OrderCount, decimal TotalSpent, decimal AverageOrderValue, DateTime? FirstOrderAt, DateTime? LastOrderAt, int? DaysSinceLastOrder,
    int Recency, int Frequency, int Monetary, LifecycleStage Stage);

/// <summary>Waterwheel:Customers:Value — the thresholds behind the scores and stages; the defaults suit a bakery's rhythm.</summary>
public sealed class CustomerValueOptions
{
    public const string Section = "Waterwheel:Customers:Value";

    public int NewForDays { get; set; } = 30;
    public int ActiveWithinDays { get; set; } = 90;
    public int AtRiskWithinDays { get; set; } = 180;
    public int DormantWithinDays { get; set; } = 365;

    /// <summary>Days since the last order for R scores 5, 4, 3, 2 (older is 1).</summary>
    public int[] RecencyDays { get; set; } = [30, 60, 90, 180];

    /// <summary>Order counts for F scores 5, 4, 3, 2 (one order is 1).</summary>
    public int[] FrequencyOrders { get; set; } = [10, 6, 3, 2];

    /// <summary>Total spent in yuan for M scores 5, 4, 3, 2 (any spend is 1).</summary>
    public decimal[] MonetaryYuan { get; set; } = [2000m, 1000m, 500m, 200m];

    /// <summary>These thresholds with a tenant's own lifecycle days over them; the R/F/M thresholds stay.</summary>
    internal CustomerValueOptions WithStages(int newForDays, int activeWithinDays, int atRiskWithinDays, int dormantWithinDays) => new()
    {
        NewForDays = newForDays, ActiveWithinDays = activeWithinDays, AtRiskWithinDays = atRiskWithinDays, DormantWithinDays = dormantWithinDays,
        RecencyDays = RecencyDays, FrequencyOrders = FrequencyOrders, MonetaryYuan = MonetaryYuan,
    };

    internal CustomerValue Of(CustomerProfile p, DateTime now)
    {
        int? days = p.LastOrderAt is { } last ? Math.Max(0, (int)(now - last).TotalDays) : null;
        var recency = days is { } d ? Score(RecencyDays.Select(t => d <= t)) : 0;
        var frequency = p.OrderCount == 0 ? 0 : Score(FrequencyOrders.Select(t => p.OrderCount >= t));
        var monetary = p.TotalSpent <= 0 ? 0 : Score(MonetaryYuan.Select(t => p.TotalSpent >= t));
        var aov = p.OrderCount == 0 ? 0m : Math.Round(p.TotalSpent / p.OrderCount, 2, MidpointRounding.AwayFromZero);
        return new CustomerValue(p.OrderCount, p.TotalSpent, aov, p.FirstOrderAt, p.LastOrderAt, days, recency, frequency, monetary, Stage(p, now));
    }

    private LifecycleStage Stage(CustomerProfile p, DateTime now)
    {
        if ((now - p.FirstSeenAt).TotalDays <= NewForDays && p.OrderCount <= 1) return LifecycleStage.New;
        var quiet = (now - (p.LastOrderAt ?? p.LastSeenAt)).TotalDays;
        return quiet <= ActiveWithinDays ? LifecycleStage.Active
            : quiet <= AtRiskWithinDays ? LifecycleStage.AtRisk
            : quiet <= DormantWithinDays ? LifecycleStage.Dormant
            : LifecycleStage.Lost;
    }

    // The first threshold met gives 5, the next 4, …; none met gives 1.
    private static int Score(IEnumerable<bool> met) => met.Select((ok, i) => (ok, i)).FirstOrDefault(x => x.ok) is { ok: true } hit ? 5 - hit.i : 1;
}
