using System.Text.Json;

namespace Waterwheel.Platform.Messaging;

/// <summary>An integration event waiting in its module's own tables to be relayed to the subscribers' inbox.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string EventName { get; init; }
    public required string Payload { get; init; }
    public string? Partition { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime? RelayedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>When the relay may next take it: at once, or after a failed try's back-off.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>A relaying node's claim, as on the inbox: several nodes relay side by side, none the same row.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }

    /// <summary>Set when the tries ran out: the row waits for an operator and no longer holds up the rows behind it.</summary>
    public DateTime? ParkedAt { get; set; }
}

public static class OutboxModel
{
    /// <summary>Adds the module's outbox table; call before <see cref="ModuleTables.Place"/>.</summary>
    public static void AddOutbox(this ModelBuilder builder) => builder.Entity<OutboxMessage>(b =>
    {
        b.ToTable("outbox");
        b.Property(m => m.EventName).HasMaxLength(100);
        // Relayed into the inbox's partition column, so it shares its limit.
        b.Property(m => m.Partition).HasMaxLength(InboxMessageConfiguration.PartitionLength);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.HasIndex(m => new { m.RelayedAt, m.ParkedAt, m.OccurredAt });
        b.HasIndex(m => new { m.Partition, m.OccurredAt });
    });

    /// <summary>
    /// Records the event in the same unit of work as the change it reports: it is relayed only if SaveChanges
    /// commits, and it is relayed even if the process stops right after.
    /// </summary>
    public static void Publish<TEvent>(this DbContext db, TEvent integrationEvent, DateTime occurredAt) where TEvent : IIntegrationEvent =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            TenantId = integrationEvent.TenantId,
            EventName = TEvent.EventName,
            Payload = JsonSerializer.Serialize(integrationEvent, IntegrationEventJson.Options),
            Partition = integrationEvent.Partition,
            OccurredAt = occurredAt,
            DueAt = occurredAt,
        });
}

internal static class IntegrationEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
