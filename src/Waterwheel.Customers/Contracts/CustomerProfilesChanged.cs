using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Contracts;

/// <summary>
/// Something segments can ask about some profiles changed, in one save: a built-in field, a custom attribute, their
/// orders, their owner, their consent; or a profile was merged into another (it is then gone) or erased. Only ids
/// travel: a subscriber reads the facts as they stand now through <see cref="ICustomerFacts"/>, so events handled late
/// or twice still end right. One event per save rather than per profile: a batch of tracked calls or an import's slice
/// changes hundreds at once, and an event's way through the outbox and a subscriber's inbox costs more than reading a
/// profile. A tenant's events share one partition, handled in order, so a subscriber never writes what it read of a
/// profile over what another node read of it later.
/// </summary>
public sealed record CustomerProfilesChanged(Guid TenantId, IReadOnlyList<Guid> ProfileIds) : IIntegrationEvent
{
    /// <summary>Profiles named by one event at most; a larger save publishes several.</summary>
    public const int MaxProfiles = 1_000;

    public static string EventName => "customers.profiles-changed";
    public string? Partition => "profiles:" + TenantId.ToString("N");
}

