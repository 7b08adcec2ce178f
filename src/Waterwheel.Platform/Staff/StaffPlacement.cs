using Waterwheel.Platform.Organisation;

namespace Waterwheel.Platform.Staff;

internal sealed record Placement(Guid OrgUnitId, Guid? StoreId, string OrgPath);

/// <summary>Where a role may work: guides and managers in a store, dealer admins at a dealer, HQ above both.</summary>
internal static class StaffPlacement
{
    public static async Task<Result<Placement>> Resolve(PlatformDbContext db, SaveStaffRequest r, CancellationToken ct)
    {
        if (r.Role.WorksInStore())
        {
            var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == r.StoreId, ct);
            return store is null
                ? Error.Invalid("storeId", "The store does not exist or is outside your scope.")
                : new Placement(store.OrgUnitId, store.Id, store.OrgPath);
        }
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == r.OrgUnitId, ct);
        if (unit is null) return Error.Invalid("orgUnitId", "The organisation unit does not exist or is outside your scope.");
        var fits = r.Role == StaffRole.DealerAdmin ? unit.Kind == OrgUnitKind.Dealer : unit.Kind != OrgUnitKind.Dealer;
        return fits
            ? new Placement(unit.Id, null, unit.Path)
            : Error.Invalid("orgUnitId", r.Role == StaffRole.DealerAdmin
                ? "A dealer admin works at a dealer."
                : "Head-office roles work at the head office, a sub-brand or a region.");
    }

    public static async Task<Error?> Conflicts(PlatformDbContext db, Guid tenantId, Guid? exceptId, string? mobileHash, string? weComUserId, CancellationToken ct)
    {
        var others = db.Staff.IgnoreQueryFilters().Where(s => s.TenantId == tenantId && s.Id != exceptId && s.Status == StaffStatus.Active);
        if (mobileHash is not null && await others.AnyAsync(s => s.MobileHash == mobileHash, ct))
            return Error.Conflict("staff_mobile_taken", "Another active staff member has this mobile number.");
        if (!string.IsNullOrWhiteSpace(weComUserId)
            && await db.Staff.IgnoreQueryFilters().AnyAsync(s => s.TenantId == tenantId && s.Id != exceptId && s.WeComUserId == weComUserId, ct))
            return Error.Conflict("staff_wecom_userid_taken", $"Another staff member has the WeCom userid '{weComUserId}'.");
        return null;
    }
}
