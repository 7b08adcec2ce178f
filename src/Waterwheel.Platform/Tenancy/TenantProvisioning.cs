using Microsoft.AspNetCore.Identity;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Organisation;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Staff;

namespace Waterwheel.Platform.Tenancy;

public sealed record NewTenant(string Name, string Code, string AdminUserName, string AdminPassword, string AdminName, string AdminMobile);

public sealed record ProvisionedTenant(Guid TenantId, Guid HeadOfficeId, Guid AdminStaffId);

/// <summary>Creates a brand with its head office and first HQ admin: the start of every tenant.</summary>
public sealed class TenantProvisioning
{
    private readonly PlatformDbContext _db;
    private readonly UserManager<StaffAccount> _users;
    private readonly FieldEncryptor _encryptor;
    private readonly KeyedHasher _hasher;
    private readonly TimeProvider _time;

    internal TenantProvisioning(PlatformDbContext db, UserManager<StaffAccount> users, FieldEncryptor encryptor, KeyedHasher hasher, TimeProvider time) =>
        (_db, _users, _encryptor, _hasher, _time) = (db, users, encryptor, hasher, time);

    public Task<bool> AnyTenantExists(CancellationToken ct) => _db.Tenants.AnyAsync(ct);

    public async Task<ProvisionedTenant> Create(NewTenant request, CancellationToken ct)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var tenant = new Tenant { Name = request.Name, Code = request.Code, CreatedAt = now };
        var hq = OrgUnit.Create(tenant.Id, null, OrgUnitKind.HeadOffice, request.Name, request.Code + "-HQ");
        _db.Tenants.Add(tenant);
        _db.OrgUnits.Add(hq);
        var admin = AddStaff(tenant.Id, request.AdminName, request.AdminMobile, StaffRole.HqAdmin, hq.Id, null, hq.Path, null);
        await _db.SaveChangesAsync(ct);
        await AddAccount(admin, request.AdminUserName, request.AdminPassword);
        return new ProvisionedTenant(tenant.Id, hq.Id, admin.Id);
    }

    internal StaffMember AddStaff(Guid tenantId, string name, string mobile, StaffRole role, Guid unitId, Guid? storeId, string path, string? weComUserId)
    {
        var staff = new StaffMember
        {
            TenantId = tenantId, Name = name, Role = role, OrgUnitId = unitId, StoreId = storeId, OrgPath = path,
            WeComUserId = weComUserId, JoinedAt = _time.GetUtcNow().UtcDateTime,
        };
        StaffMobile.Set(staff, mobile, _encryptor, _hasher);
        _db.Staff.Add(staff);
        return staff;
    }

    internal async Task AddAccount(StaffMember staff, string userName, string password)
    {
        var account = new StaffAccount { UserName = userName, TenantId = staff.TenantId, StaffId = staff.Id, LockoutEnabled = true };
        var result = await _users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create the account '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
