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
    Task HandleAsync(InboxEnvelope message, CancellationToken ct);
}
