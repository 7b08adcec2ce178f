namespace Waterwheel.Platform.Contracts;

/// <summary>Who a staff member is in the organisation; decides their permissions and data scope.</summary>
public enum StaffRole
{
    HqAdmin,
    HqOperator,
    Analyst,
    DealerAdmin,
    StoreManager,
    Guide,
}

public static class StaffRoles
{
    public static bool IsHeadOffice(this StaffRole role) =>
        role is StaffRole.HqAdmin or StaffRole.HqOperator or StaffRole.Analyst;

    public static bool WorksInStore(this StaffRole role) => role is StaffRole.StoreManager or StaffRole.Guide;
}
