using System.Text.Json.Nodes;

namespace Waterwheel.Customers.Profiles;

/// <summary>
/// Which tracked events are orders, and what they were worth: Segment's e-commerce spec names a completed order
/// "Order Completed" and its value <c>total</c> (or <c>revenue</c>); an amount that is missing, negative or not a number
/// counts the order with no value rather than guessing one.
/// </summary>
internal static class OrderEvents
{
    public const string OrderCompleted = "Order Completed";

    public static bool IsOrder(string? eventName) => string.Equals(eventName, OrderCompleted, StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts a profile's order figures again from the order lines it holds (after an undone merge).</summary>
    public static void Recount(CustomerProfile profile, IEnumerable<Timeline.TimelineEntry> lines)
    {
        (profile.OrderCount, profile.TotalSpent, profile.FirstOrderAt, profile.LastOrderAt) = (0, 0m, null, null);
        foreach (var line in lines)
            if (line.Amount is { } amount) profile.AddOrder(amount, line.OccurredAt);
    }

    public static decimal Amount(JsonObject? properties)
    {
        foreach (var name in new[] { "total", "revenue", "value" })
            if (properties?[name] is JsonValue value && value.TryGetValue<decimal>(out var amount) && amount >= 0)
                return Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return 0m;
    }
}
