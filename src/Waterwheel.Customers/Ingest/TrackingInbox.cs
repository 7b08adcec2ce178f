using System.Text.Json;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Stores accepted tracking calls in the platform's inbox: an answered call is durable, a retried request is stored
/// once, and one person's calls are handled in the order they arrived. A request's calls are stored per lane
/// (<see cref="TrackingLanes"/>), one inbox message holding all of a lane's calls.
/// </summary>
internal sealed class TrackingInbox(IInbox inbox, IngestPressure pressure, IOptions<IngestOptions> options)
{
    public const string Source = "customers.tracking";

    /// <summary>False when the node or the cluster is too busy: nothing was stored and the sender should retry later.</summary>
    public async Task<bool> TryAccept(Guid tenantId, IReadOnlyList<TrackingMessage> messages, CancellationToken ct)
    {
        if (!pressure.TryEnter(messages.Count)) return false;
        try
        {
            var lanes = options.Value.Lanes;
            // A lane's share keeps the sender's order (alias before the identify that follows it). All of a request's
            // shares are stored before the answer: a failure answers 500 and the sender's retry stores only what is missing.
            await Task.WhenAll(messages.GroupBy(m => TrackingLanes.Of(m.Partition, lanes)).Select(lane =>
            {
                var sourceId = lane.First().SourceId;
                return inbox.AcceptAsync(Source, TrackingLanes.DedupeKey(sourceId, lane.Key, lane), tenantId,
                    TrackingMessage.Store(lane.ToList()), ct, TrackingLanes.Partition(sourceId, lane.Key), lane.First().ReceivedAt);
            }));
            return true;
        }
        finally
        {
            pressure.Exit(messages.Count);
        }
    }

    /// <summary>
    /// Stores calls that failed inside a stored request as messages of their own, each in its person's partition, so that
    /// they are retried (and, if they keep failing, parked) alone while the rest of their lane moves on.
    /// </summary>
    public Task SetAside(Guid tenantId, IEnumerable<TrackingMessage> calls, CancellationToken ct) =>
        Task.WhenAll(calls.Select(call => inbox.AcceptAsync(Source,
            InboxLimits.Bound($"{call.SourceId:N}:{call.MessageId}", InboxLimits.DedupeKeyLength), tenantId,
            TrackingMessage.Store([call]), ct, InboxLimits.Bound(call.Partition, InboxLimits.PartitionLength), call.ReceivedAt)));
}
