namespace Waterwheel.Platform.Messaging;

/// <summary>
/// A fact one module tells the others (a customer was added, a relationship was lost). Published through the
/// publishing module's outbox in the same transaction as the change it reports, so it is never lost nor invented.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The stable name stored with the event; never derived from the CLR type, which may be renamed.</summary>
    static abstract string EventName { get; }

    Guid TenantId { get; }

    /// <summary>Events with the same partition (one customer, say) reach each subscriber in order.</summary>
    string? Partition { get; }
}

/// <summary>
/// A module's reaction to another module's event. Delivered at least once (through the subscriber's own inbox
/// entry), so it must be idempotent; it runs as the tenant's system actor.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task Handle(TEvent integrationEvent, CancellationToken ct);
}

/// <summary>
/// A subscriber that can also take many events of one tenant at once, in their partitions' order, for events that come
/// in floods (the profiles each batch of tracked calls changed): one read of what they name instead of one each. When a batch
/// fails, each of its events is handed to <see cref="IIntegrationEventHandler{TEvent}.Handle"/> on its own, so the one
/// at fault fails alone; a batch must therefore have the effect of its events handled one by one.
/// </summary>
public interface IIntegrationEventBatchHandler<in TEvent> : IIntegrationEventHandler<TEvent> where TEvent : IIntegrationEvent
{
    Task HandleBatch(IReadOnlyList<TEvent> events, CancellationToken ct);
}
