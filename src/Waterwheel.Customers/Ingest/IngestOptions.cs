namespace Waterwheel.Customers.Ingest;

/// <summary>Waterwheel:Customers:Ingest — how much the tracking API takes in before it asks senders to wait.</summary>
public sealed class IngestOptions
{
    public const string Section = "Waterwheel:Customers:Ingest";

    /// <summary>
    /// Calls being stored at once on this node. Below the inbox writer's own queue (5,000), so that a flood of events
    /// always leaves room for WeCom's callbacks, which share it and cannot be asked to retry later.
    /// </summary>
    public int MaxInFlight { get; set; } = 3_000;

    /// <summary>
    /// Accepted events not yet handled, across the cluster; past this every node answers 429. At today's handling rate
    /// (a few hundred a second on 2 cores, see bench/Waterwheel.Bench.Ingest) this is minutes of work, not hours.
    /// </summary>
    public int MaxBacklog { get; set; } = 100_000;

    /// <summary>How old the backlog figure may be: counting it on every call would cost more than the calls.</summary>
    public TimeSpan BacklogCheck { get; set; } = TimeSpan.FromSeconds(2);
}
