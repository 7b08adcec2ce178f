using Waterwheel.Platform.Organisation;

namespace Waterwheel.Platform.Stores;

/// <summary>Checks shared by creating and editing a store.</summary>
internal static class StoreRules
{
    /// <summary>A store sits under a region or a dealer the actor can see.</summary>
    public static async Task<Result<OrgUnit>> ParentUnit(PlatformDbContext db, Guid orgUnitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == orgUnitId, ct);
        if (unit is null) return Error.Invalid("orgUnitId", "The organisation unit does not exist or is outside your scope.");
        if (unit.Kind is not (OrgUnitKind.Region or OrgUnitKind.Dealer))
            return Error.Invalid("orgUnitId", "A store belongs to a region or a dealer.");
        return unit;
    }

    public static Task<bool> CodeTaken(PlatformDbContext db, string code, Guid? exceptId, CancellationToken ct) =>
        db.Stores.IgnoreQueryFilters()
            .Where(s => s.TenantId == db.CurrentTenant && s.Code == code && s.Id != exceptId)
            .AnyAsync(ct);

    public static void Apply(Store store, SaveStoreRequest r, OrgUnit unit)
    {
        store.Code = r.Code.Trim();
        store.Name = r.Name.Trim();
        store.OrgUnitId = unit.Id;
        store.OrgPath = unit.Path;
        store.Province = r.Province.Trim();
        store.City = r.City.Trim();
        store.District = r.District.Trim();
        store.Address = r.Address.Trim();
        (store.Latitude, store.Longitude) = ChinaCoordinates.ToWgs84(r.Latitude, r.Longitude, r.CoordinateSystem);
        store.OpeningHours = r.OpeningHours.Trim();
        store.Phone = r.Phone.Trim();
    }
}
