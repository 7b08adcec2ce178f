using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Relationships;

/// <summary>
/// Sets a profile's owner from its relationships as they stand in this unit of work (see <see cref="Ownership"/>),
/// after they changed: the profile is then updated now.
/// </summary>
internal sealed class ProfileOwners(CustomersDbContext db, OrganisationFacts organisation, TimeProvider time)
{
    public async Task Recompute(CustomerProfile profile, CancellationToken ct)
    {
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var owning = Ownership.Owning(await db.Relationships.Of(profile.Id, ct));
        Ownership.Apply(profile, owning, await organisation.Store(profile.TenantId, owning?.StoreId, ct));
    }
}
