using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Organisation;
using Waterwheel.Platform.Stores;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Demo;

public sealed record DemoAccount(string UserName, StaffRole Role, string Where);

/// <summary>
/// A bakery chain (麦香坊) with the shape operators know: head office, two sub-brands, three regional
/// divisions, two franchise dealers, 42 stores in Shanghai, Hangzhou and Beijing, and ~180 staff in every role.
/// </summary>
internal sealed class DemoSeeder(PlatformDbContext db, TenantProvisioning provisioning, TimeProvider time, ILogger<DemoSeeder> log)
{
    private const int GuidesPerStore = 3;

    public async Task<IReadOnlyList<DemoAccount>> Seed(string password, CancellationToken ct)
    {
        var people = new DemoPeople(seed: 2026);
        var tenant = await provisioning.Create(
            new NewTenant("麦香坊烘焙", "maixiangfang", "admin", password, people.NextName(), people.NextMobile()), ct);
        var tenantId = tenant.TenantId;
        var hq = db.OrgUnits.Local.Single(u => u.Id == tenant.HeadOfficeId);

        var bakery = Unit(hq, OrgUnitKind.SubBrand, "麦香坊", "MXF");
        var cafe = Unit(hq, OrgUnitKind.SubBrand, "麦香坊·轻食咖啡", "MXC");
        var shanghai = Unit(bakery, OrgUnitKind.Region, "华东上海大区", "R-SH");
        var hangzhou = Unit(bakery, OrgUnitKind.Region, "华东浙江大区", "R-ZJ");
        var beijing = Unit(cafe, OrgUnitKind.Region, "华北北京大区", "R-BJ");
        var hzDealer = Unit(hangzhou, OrgUnitKind.Dealer, "杭州禾丰商贸有限公司", "D-HZHF");
        var bjDealer = Unit(beijing, OrgUnitKind.Dealer, "北京麦田餐饮管理有限公司", "D-BJMT");

        var accounts = new List<(Stores.Store? Store, Staff.StaffMember Staff, string UserName)>();
        foreach (var role in new[] { StaffRole.HqOperator, StaffRole.HqOperator, StaffRole.HqOperator, StaffRole.Analyst, StaffRole.Analyst })
        {
            var staff = provisioning.AddStaff(tenantId, people.NextName(), people.NextMobile(), role, hq.Id, null, hq.Path, null);
            if (accounts.All(a => a.Staff.Role != role)) accounts.Add((null, staff, role == StaffRole.HqOperator ? "operator" : "analyst"));
        }
        foreach (var dealer in new[] { hzDealer, bjDealer })
        {
            for (var i = 1; i <= 2; i++)
            {
                var staff = provisioning.AddStaff(tenantId, people.NextName(), people.NextMobile(), StaffRole.DealerAdmin, dealer.Id, null, dealer.Path, $"{dealer.Code.ToLowerInvariant()}-a{i}");
                if (dealer == hzDealer && i == 1) accounts.Add((null, staff, "dealer"));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var placements = DemoStores.Shanghai.Select(s => (s, shanghai))
            .Concat(DemoStores.Hangzhou.Select(s => (s, s.ByDealer ? hzDealer : hangzhou)))
            .Concat(DemoStores.Beijing.Select(s => (s, s.ByDealer ? bjDealer : beijing)));
        foreach (var (demo, unit) in placements)
        {
            var store = new Store
            {
                TenantId = tenantId, OrgUnitId = unit.Id, OrgPath = unit.Path, Code = demo.Code, Name = demo.Name,
                Province = demo.Province, City = demo.City, District = demo.District, Address = demo.Address,
                Latitude = demo.Lat, Longitude = demo.Lng, OpeningHours = "08:00-21:30", Phone = "",
                CreatedAt = now, UpdatedAt = now,
            };
            db.Stores.Add(store);
            var code = demo.Code.ToLowerInvariant();
            var manager = provisioning.AddStaff(tenantId, people.NextName(), people.NextMobile(), StaffRole.StoreManager, unit.Id, store.Id, unit.Path, $"{code}-m");
            if (demo.Code == "SH001") accounts.Add((store, manager, "manager"));
            for (var g = 1; g <= GuidesPerStore; g++)
            {
                var guide = provisioning.AddStaff(tenantId, people.NextName(), people.NextMobile(), StaffRole.Guide, unit.Id, store.Id, unit.Path, $"{code}-g{g}");
                if (demo.Code == "SH001" && g == 1) accounts.Add((store, guide, "guide"));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (_, staff, userName) in accounts) await provisioning.AddAccount(staff, userName, password);

        log.LogInformation("Seeded demo tenant {TenantId}: {Stores} stores, {Staff} staff", tenantId, db.Stores.Local.Count, db.Staff.Local.Count);
        return
        [
            new("admin", StaffRole.HqAdmin, "总部"),
            .. accounts.Select(a => new DemoAccount(a.UserName, a.Staff.Role, a.Store?.Name ?? "")),
        ];
    }

    private OrgUnit Unit(OrgUnit parent, OrgUnitKind kind, string name, string code)
    {
        var unit = OrgUnit.Create(parent.TenantId, parent, kind, name, code);
        db.OrgUnits.Add(unit);
        return unit;
    }
}
