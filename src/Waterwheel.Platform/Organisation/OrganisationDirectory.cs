using Waterwheel.Platform.Staff;

namespace Waterwheel.Platform.Organisation;

internal sealed class OrganisationDirectory(PlatformDbContext db) : IOrganisationDirectory
{
    public async Task<Guid?> FindTenant(string code, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct))?.Id;

    // Filters are bypassed on purpose and replaced by the explicit tenant: there is no signed-in actor here.
    public async Task<IReadOnlyList<StaffRef>> WeComStaff(Guid tenantId, CancellationToken ct) =>
        await (from s in db.Staff.IgnoreQueryFilters()
               where s.TenantId == tenantId && s.Status == StaffStatus.Active && s.WeComUserId != null
               join store in db.Stores.IgnoreQueryFilters() on s.StoreId equals store.Id into stores
               from store in stores.DefaultIfEmpty()
               orderby s.WeComUserId
               select new StaffRef(s.Id, s.Name, s.Role, s.WeComUserId!, s.StoreId, store != null ? store.Code : null, store != null ? store.Name : null))
            .AsNoTracking().ToListAsync(ct);

    public async Task<IReadOnlyList<StoreRef>> Stores(Guid tenantId, CancellationToken ct) =>
        await (from store in db.Stores.IgnoreQueryFilters()
               where store.TenantId == tenantId
               join unit in db.OrgUnits.IgnoreQueryFilters() on store.OrgUnitId equals unit.Id
               orderby store.Code
               select new StoreRef(store.Id, store.Code, store.Name, store.City, store.OrgPath,
                   unit.Kind == OrgUnitKind.Dealer ? unit.Id : null, unit.Kind == OrgUnitKind.Dealer ? unit.Name : null,
                   store.Province, store.District + store.Address,
                   // 0,0 is where a store without coordinates sits, in the Gulf of Guinea: no store of a WeCom brand.
                   store.Latitude != 0 || store.Longitude != 0 ? store.Latitude : null,
                   store.Latitude != 0 || store.Longitude != 0 ? store.Longitude : null,
                   store.Status == Platform.Stores.StoreStatus.Open))
            .AsNoTracking().ToListAsync(ct);

    public async Task<IReadOnlySet<Guid>> DealersSharingCustomers(Guid tenantId, CancellationToken ct) =>
        (await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.TenantId == tenantId && u.Kind == OrgUnitKind.Dealer && u.SharesCustomerDetails).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
}
