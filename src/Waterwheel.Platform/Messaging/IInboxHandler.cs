namespace Waterwheel.Platform.Messaging;

/// <summary>A stored message handed to its module's handler.</summary>
public sealed record InboxEnvelope(Guid Id, Guid? TenantId, string Source, string DedupeKey, string Payload, int Attempt, DateTime ReceivedAt);

/// <summary>
/// Handles the inbox messages of one source. Delivery is at least once (a crash between the work and its
/// acknowledgement repeats it), so a handler must be idempotent: the same message twice has one effect.
/// </summary>
public interface IInboxHandler
{
    string Source { get; }

    /// <summary>
    /// True for a source whose messages lose their worth within seconds (a new contact's welcome code lives 20 s): each round
    /// claims them before any other source, so a backlog of slower work does not make them late.
    /// </summary>
    bool Urgent => false;

    Task HandleAsync(InboxEnvelope message, CancellationToken ct);
}

/// <summary>
/// A handler that can also take many messages of one source and tenant in one unit of work (one transaction), in their
/// partitions' order: the fast path for high-volume sources such as tracking events. When a batch fails, the processor
/// hands the same messages to <see cref="IInboxHandler.HandleAsync"/> one by one, so a poisoned message fails alone and is
/// retried or parked by the usual rules.
/// </summary>
public interface IInboxBatchHandler : IInboxHandler
{
    Task HandleBatchAsync(IReadOnlyList<InboxEnvelope> messages, CancellationToken ct);
}
