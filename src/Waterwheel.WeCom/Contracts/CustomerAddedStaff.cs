using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// A customer added a staff member on WeCom (or added them again after a removal): a new relationship began.
/// State is the channel they came through (the contact way's state); acquisition attributes the customer by it.
/// </summary>
public sealed record CustomerAddedStaff(
    Guid TenantId, string ExternalUserId, string StaffUserId, string? State, int AddWay, DateTime AddedAt, bool WithoutVerification)
    : IIntegrationEvent
{
    public static string EventName => "wecom.customer-added";
    public string? Partition => ExternalUserId;
}
