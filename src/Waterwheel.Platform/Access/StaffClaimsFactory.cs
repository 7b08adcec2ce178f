using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.Access;

/// <summary>Puts tenant, role and data scope of the staff member into the sign-in cookie.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffAccount> users, IOptions<IdentityOptions> options, PlatformDbContext db)
    : UserClaimsPrincipalFactory<StaffAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffAccount account)
    {
        var identity = await base.GenerateClaimsAsync(account);
        var staff = await db.Staff.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == account.StaffId);
        identity.AddClaim(new Claim(WaterwheelClaims.Tenant, account.TenantId.ToString()));
        identity.AddClaim(new Claim(WaterwheelClaims.Staff, staff.Id.ToString()));
        identity.AddClaim(new Claim(WaterwheelClaims.Role, staff.Role.ToString()));
        identity.AddClaim(new Claim(WaterwheelClaims.ScopePath, staff.OrgPath));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, staff.Name));
        if (staff.StoreId is { } store) identity.AddClaim(new Claim(WaterwheelClaims.ScopeStore, store.ToString()));
        return identity;
    }
}
