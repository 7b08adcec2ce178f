using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// A customer deleted a staff member on WeCom: the relationship is lost (流失). Journeys and loss reports react to it;
/// the WeCom module also keeps a loss alert for the operators.
/// </summary>
public sealed record CustomerLost(Guid TenantId, string ExternalUserId, string StaffUserId, DateTime LostAt) : IIntegrationEvent
{
    public static string EventName => "wecom.customer-lost";
    public string? Partition => ExternalUserId;
}
