using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Contracts;

/// <summary>
/// A customer entered or left a saved segment: a tag, an attribute, an order or the passing of days changed whether they
/// match it (or the segment's condition was edited). Journeys start and stop on these. A segment just saved starts
/// from who matches then, without an event for each of them; only changes after that are announced.
/// </summary>
public sealed record SegmentMembershipChanged(Guid TenantId, Guid SegmentId, Guid ProfileId, bool Entered, DateTime At) : IIntegrationEvent
{
    public static string EventName => "audiences.segment-membership";
    public string? Partition => ProfileId.ToString("N");
}
