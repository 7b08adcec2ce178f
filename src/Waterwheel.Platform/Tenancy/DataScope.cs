namespace Waterwheel.Platform.Tenancy;

public enum ScopeKind { None, Tenant, OrgUnit, Store, Self }

/// <summary>
/// The part of a tenant one actor may see. HQ sees the tenant; a dealer admin the org subtree under its
/// dealer (a path prefix); a store manager one store; a guide only their own records.
/// </summary>
public sealed record DataScope(ScopeKind Kind, string Path, Guid? StoreId, Guid? StaffId)
{
    public static readonly DataScope Nothing = new(ScopeKind.None, "\u0000", null, null);
    public static readonly DataScope WholeTenant = new(ScopeKind.Tenant, "/", null, null);
}
