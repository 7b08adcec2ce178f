using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// A profile's facts changed in the Customers module: the member follows, read fresh from the façade, so an event
/// handled twice or after a later one still leaves the member as the profile is now.
/// </summary>
internal sealed class ProfileChangedIntake(ICustomerFacts facts, MemberWriter writer) : IIntegrationEventHandler<CustomerProfileChanged>
{
    public async Task Handle(CustomerProfileChanged changed, CancellationToken ct)
    {
        var current = await facts.Find(changed.ProfileId, ct);
        var catalog = await TenantCatalog.Load(facts, ct);
        await writer.Write([(changed.ProfileId, current)], catalog, ct);
    }
}
