namespace Waterwheel.Platform.Messaging;

public enum InboxAcceptance { Accepted, Duplicate }

/// <summary>The door for incoming messages: store first, answer the sender, process later.</summary>
public interface IInbox
{
    /// <summary>Completes once the message is durably stored (Accepted) or found stored already (Duplicate).</summary>
    /// <param name="arrivedAt">When the message entered the system, which orders it within its partition: now for a
    /// message from outside; the moment it occurred for an event relayed from an outbox, so that events relayed by
    /// different nodes keep the order in which they happened.</param>
    Task<InboxAcceptance> AcceptAsync(string source, string dedupeKey, Guid? tenantId, string payload, CancellationToken ct, string? partition = null,
        DateTime? arrivedAt = null);
}

internal sealed class Inbox(InboxWriter writer, TimeProvider time) : IInbox
{
    public Task<InboxAcceptance> AcceptAsync(string source, string dedupeKey, Guid? tenantId, string payload, CancellationToken ct, string? partition = null,
        DateTime? arrivedAt = null)
    {
        // The column limits, checked here so that a bad message fails alone with a clear error and stores nothing.
        Limit(nameof(source), source, InboxMessageConfiguration.SourceLength);
        Limit(nameof(dedupeKey), dedupeKey, InboxMessageConfiguration.DedupeKeyLength);
        if (partition is not null) Limit(nameof(partition), partition, InboxMessageConfiguration.PartitionLength);
        ArgumentNullException.ThrowIfNull(payload);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new InboxMessage
        {
            Source = source, DedupeKey = dedupeKey, TenantId = tenantId, Payload = payload, Partition = partition, ReceivedAt = arrivedAt ?? now, DueAt = now,
        };
        return writer.Write(message, ct);
    }

    private static void Limit(string name, string value, int max)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > max) throw new ArgumentException($"The inbox {name} is {value.Length} characters; at most {max} fit.", name);
    }
}
