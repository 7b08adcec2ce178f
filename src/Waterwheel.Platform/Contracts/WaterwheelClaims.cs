namespace Waterwheel.Platform.Contracts;

/// <summary>Claim types carried by a signed-in staff member or an API key.</summary>
public static class WaterwheelClaims
{
    public const string Tenant = "ww:tenant";
    public const string Staff = "ww:staff";
    public const string Role = "ww:role";
    public const string ScopePath = "ww:scope_path";
    public const string ScopeStore = "ww:scope_store";
    public const string Permission = "ww:perm";
    public const string ApiKey = "ww:api_key";
    public const string System = "ww:system";
}
