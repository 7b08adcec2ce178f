namespace Waterwheel.Customers.Lifecycle;

/// <summary>
/// A brand's own lifecycle thresholds, replacing the configured defaults: a bakery's customer is at risk after weeks,
/// a furniture brand's after years. One row per tenant.
/// </summary>
internal sealed class LifecycleSetting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public int NewForDays { get; set; }
    public int ActiveWithinDays { get; set; }
    public int AtRiskWithinDays { get; set; }
    public int DormantWithinDays { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
