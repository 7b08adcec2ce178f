using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Events;

namespace Waterwheel.WeCom.Callbacks.Receiver;

/// <summary>
/// What the receiver hands the inbox, bounded to the inbox's columns. Every field comes from the callback, so a value
/// longer than its column would make the inbox throw and WeCom see a 500 — and after three tries the event is lost.
/// A value over its limit keeps its readable start and ends in a hash of the whole, so retries still map to the same key.
/// </summary>
internal static class InboxKeys
{
    public const int DedupeKeyLength = InboxLimits.DedupeKeyLength;
    public const int PartitionLength = InboxLimits.PartitionLength;

    public static string DedupeKey(Guid tenant, WeComEvent e) => Bound($"{tenant:N}|{e.DedupeKey}", DedupeKeyLength);

    /// <summary>A customer's events are handled in order; events without a customer have no partition.</summary>
    public static string? Partition(WeComEvent e) =>
        e is ExternalContactEvent { ExternalUserId.Length: > 0 } contact ? Bound(contact.ExternalUserId, PartitionLength) : null;

    internal static string Bound(string value, int max) => InboxLimits.Bound(value, max);
}
