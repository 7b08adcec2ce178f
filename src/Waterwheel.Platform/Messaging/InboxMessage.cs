namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Something that arrived from outside (a WeCom callback, a webhook) and must be handled exactly once. It is
/// stored before the sender gets its answer, so a crash after the answer loses nothing; the unique
/// (Source, DedupeKey) drops the sender's retries.
/// </summary>
internal sealed class InboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? TenantId { get; init; }
    public required string Source { get; init; }
    public required string DedupeKey { get; init; }
    public required string Payload { get; init; }

    /// <summary>Messages of one partition (say, one customer) are handled in arrival order; different partitions in parallel.</summary>
    public string? Partition { get; init; }
    public DateTime ReceivedAt { get; init; }

    /// <summary>When the message may next be claimed: now on arrival, later after a failed attempt.</summary>
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }

    /// <summary>Set when the attempts ran out; the message waits for an operator.</summary>
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A claim by one processor until this time; a processor that dies lets it lapse and another takes over.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
}
