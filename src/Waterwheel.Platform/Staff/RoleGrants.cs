
namespace Waterwheel.Platform.Staff;

/// <summary>Nobody hands out a role above their own: the guard against escalation by staff management.</summary>
public static class RoleGrants
{
    public static bool CanAssign(StaffRole? actor, StaffRole target) => actor switch
    {
        StaffRole.HqAdmin => true,
        StaffRole.HqOperator or null => target is StaffRole.DealerAdmin or StaffRole.StoreManager or StaffRole.Guide,
        StaffRole.DealerAdmin => target is StaffRole.StoreManager or StaffRole.Guide,
        StaffRole.StoreManager => target is StaffRole.Guide,
        _ => false,
    };
}
