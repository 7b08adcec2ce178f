using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// A full sync found a relationship that no callback announced (it began before the corp was connected, or its
/// callback was lost). Not a new add: nobody is welcomed and acquisition does not count it as today's, but the
/// customer exists and other modules learn of them.
/// </summary>
public sealed record CustomerRelationFound(Guid TenantId, string ExternalUserId, string StaffUserId, string? State, int AddWay, DateTime AddedAt)
    : IIntegrationEvent
{
    public static string EventName => "wecom.customer-found";
    public string? Partition => ExternalUserId;
}
