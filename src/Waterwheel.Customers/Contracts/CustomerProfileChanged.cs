using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Contracts;

/// <summary>
/// Something segments can ask about a profile changed: a built-in field, a custom attribute, its orders, its owner,
/// its consent; or it was merged into another (it is then gone) or erased. Only the id travels: a subscriber reads the
/// facts as they stand now through <see cref="ICustomerFacts"/>, so events handled late or twice still end right.
/// </summary>
public sealed record CustomerProfileChanged(Guid TenantId, Guid ProfileId) : IIntegrationEvent
{
    public static string EventName => "customers.profile-changed";
    public string? Partition => ProfileId.ToString("N");
}
