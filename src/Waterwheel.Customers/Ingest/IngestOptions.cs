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
    /// Stored requests not yet handled (a request's share of a lane, holding one call or up to a batch's worth), across
    /// the cluster; past this every node answers 429. At batches of 100 calls this is a few minutes of work on 2 cores
    /// (see bench/Waterwheel.Bench.Ingest), not hours.
    /// </summary>
    public int MaxBacklog { get; set; } = 20_000;

    /// <summary>
    /// Lanes per source (<see cref="TrackingLanes"/>): how many nodes or rounds can work on one source's backlog at once.
    /// One lane keeps all of a source's calls in order and lets nothing of it race; it is the fastest on one or two nodes,
    /// where the database, not the node, is the limit. More lanes split a request into more, smaller messages, and
    /// calls that link one person's identifiers across lanes (an alias, a login) may then race and be redone. Changing it
    /// moves people between lanes: calls of one person stored just before and after the change may run out of order.
    /// </summary>
    public int Lanes { get; set; } = 1;

    /// <summary>Calls saved in one transaction when the inbox hands over many stored requests at once.</summary>
    public int CallsPerTransaction { get; set; } = 500;

    /// <summary>How old the backlog figure may be: counting it on every call would cost more than the calls.</summary>
    public TimeSpan BacklogCheck { get; set; } = TimeSpan.FromSeconds(2);
}
