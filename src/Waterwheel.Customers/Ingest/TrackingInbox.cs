using System.Text.Json;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Stores accepted tracking calls in the platform's inbox: an answered call is durable, a retried one (same source and
/// messageId) is stored once, and one person's calls are handled in the order they arrived.
/// </summary>
internal sealed class TrackingInbox(IInbox inbox, IngestPressure pressure)
{
    public const string Source = "customers.tracking";

    /// <summary>False when the node or the cluster is too busy: nothing was stored and the sender should retry later.</summary>
    public async Task<bool> TryAccept(Guid tenantId, IReadOnlyList<TrackingMessage> messages, CancellationToken ct)
    {
        if (!pressure.TryEnter(messages.Count)) return false;
        try
        {
            // A batch's calls share one receipt time, but their order matters (alias before the identify that follows
            // it): a microsecond apart each, they keep the sender's order within a person's partition.
            await Task.WhenAll(messages.Select((m, i) => inbox.AcceptAsync(Source,
                InboxLimits.Bound($"{m.SourceId:N}:{m.MessageId}", InboxLimits.DedupeKeyLength), tenantId,
                JsonSerializer.Serialize(m, TrackingMessage.Json), ct,
                InboxLimits.Bound(m.Partition, InboxLimits.PartitionLength), m.ReceivedAt.AddTicks(i * 10))));
            return true;
        }
        finally
        {
            pressure.Exit(messages.Count);
        }
    }
}
