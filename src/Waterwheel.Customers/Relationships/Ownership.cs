using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Relationships;

/// <summary>
/// Decides who owns a customer: the earliest active relationship with a store behind it, else the earliest active
/// one. With none active the last owner stays, so that a dealer still sees the customers it lost.
/// </summary>
internal static class Ownership
{
    public static CustomerRelationship? Owning(IEnumerable<CustomerRelationship> relationships) => relationships
        .Where(r => r.Status == RelationshipStatus.Active)
        .OrderBy(r => r.StoreId is null)
        .ThenBy(r => r.AddedAt)
        .ThenBy(r => r.StaffUserId, StringComparer.Ordinal)
        .FirstOrDefault();

    public static void Apply(CustomerProfile profile, CustomerRelationship? owning, StoreRef? store)
    {
        if (owning is null) return;
        profile.OwnerStaffId = owning.StaffId;
        profile.OwnerStoreId = store?.StoreId;
        profile.OwnerOrgPath = store?.OrgPath ?? "/";
        profile.OwnerDealerId = store?.DealerId;
    }
}
