namespace Waterwheel.Platform.Contracts;

/// <summary>A staff member as other modules need them: who they are in WeCom and where they work.</summary>
public sealed record StaffRef(Guid StaffId, string Name, StaffRole Role, string WeComUserId, Guid? StoreId, string? StoreCode, string? StoreName);

/// <summary>
/// A store and where it sits: its unit's path (for data scopes) and, when a dealer runs it, that dealer. A customer
/// owned through a dealer's store belongs to the dealer: head office analyses them but does not see them. Where it is
/// on the map (WGS-84; none when the store has no coordinates) and whether it is open serve nearest-store routing.
/// </summary>
public sealed record StoreRef(Guid StoreId, string Code, string Name, string City, string OrgPath, Guid? DealerId, string? DealerName,
    string Province = "", string Address = "", double? Latitude = null, double? Longitude = null, bool Open = true);

/// <summary>
/// The Platform's door for other modules: read-only facts about a tenant's organisation, for work that runs outside
/// a signed-in request (callbacks, sync, demo seeding). Callers name the tenant explicitly.
/// </summary>
public interface IOrganisationDirectory
{
    Task<Guid?> FindTenant(string code, CancellationToken ct);

    /// <summary>Active staff who have a WeCom userid.</summary>
    Task<IReadOnlyList<StaffRef>> WeComStaff(Guid tenantId, CancellationToken ct);

    /// <summary>The tenant's stores with their place in the organisation.</summary>
    Task<IReadOnlyList<StoreRef>> Stores(Guid tenantId, CancellationToken ct);

    /// <summary>The dealers that chose to share their customers' details with head office (asked fresh, not cached).</summary>
    Task<IReadOnlySet<Guid>> DealersSharingCustomers(Guid tenantId, CancellationToken ct);
}
