using System.Security.Claims;

namespace Waterwheel.Platform.Tenancy;

/// <summary>A staff member's permissions follow their role; an API key carries its own permission claims.</summary>
public static class PermissionCheck
{
    public static bool Granted(ClaimsPrincipal user, string permission)
    {
        if (user.HasClaim(WaterwheelClaims.Permission, permission)) return true;
        return Enum.TryParse<StaffRole>(user.FindFirstValue(WaterwheelClaims.Role), out var role)
            && Permissions.ByRole[role].Contains(permission);
    }
}
