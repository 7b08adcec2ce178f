namespace Waterwheel.Customers.Ingest;

/// <summary>
/// A source's calls travel in a few lanes, each an inbox partition: one person's calls always take the same lane (so they
/// are handled in order, on one node at a time), and a request's calls for one lane are stored as one inbox message
/// (so the inbox's cost — a row accepted, claimed, acknowledged and purged — is paid per request and lane, not per call).
/// </summary>
internal static class TrackingLanes
{
    /// <summary>The lane of a person, the same on every node and after every restart (string.GetHashCode is not).</summary>
    public static int Of(string personPartition, int lanes)
    {
        var hash = 2166136261U;
        foreach (var ch in personPartition) hash = (hash ^ ch) * 16777619U;
        return (int)(hash % (uint)Math.Max(1, lanes));
    }

    public static string Partition(Guid sourceId, int lane) => $"seg:{sourceId:N}:{lane}";

    /// <summary>
    /// A stored request share's dedupe key: a retried request (the same calls) is stored once. A differently cut retry is
    /// stored again and then skipped call by call, because the handler writes each call once by its messageId.
    /// </summary>
    public static string DedupeKey(Guid sourceId, int lane, IEnumerable<TrackingMessage> calls) =>
        Platform.Messaging.InboxLimits.Bound($"{sourceId:N}:{lane}:{string.Join('\n', calls.Select(c => c.MessageId))}",
            Platform.Messaging.InboxLimits.DedupeKeyLength);
}
