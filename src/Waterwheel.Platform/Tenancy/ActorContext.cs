using System.Security.Claims;

namespace Waterwheel.Platform.Tenancy;

/// <summary>
/// Who is acting: the signed-in principal of the HTTP request or one set explicitly (a console circuit, a job).
/// Tenant and data scope come only from here, never from a request parameter.
/// </summary>
public sealed class ActorContext(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _explicit;

    public void Use(ClaimsPrincipal principal, ActorOrigin? origin = null)
    {
        _explicit = principal;
        Origin = origin;
    }

    /// <summary>
    /// Acts as the system inside one tenant: a background handler (a WeCom callback, a timer) sees that tenant whole,
    /// and nothing of any other.
    /// </summary>
    public void UseSystem(Guid tenantId, string name = "system") => Use(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(WaterwheelClaims.Tenant, tenantId.ToString()), new Claim(WaterwheelClaims.System, "true")],
        "system")));

    public bool IsSystem => Principal.HasClaim(WaterwheelClaims.System, "true");

    /// <summary>Set when acting outside an HTTP request (a console circuit); otherwise read from the request.</summary>
    public ActorOrigin? Origin { get; private set; }

    public ClaimsPrincipal Principal => _explicit ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? TenantId => GuidClaim(WaterwheelClaims.Tenant);
    public Guid? StaffId => GuidClaim(WaterwheelClaims.Staff);
    public Guid? ApiKeyId => GuidClaim(WaterwheelClaims.ApiKey);
    public Guid? UserId => GuidClaim(ClaimTypes.NameIdentifier);
    public string Name => Principal.Identity?.Name ?? "anonymous";

    public StaffRole? Role =>
        Enum.TryParse<StaffRole>(Principal.FindFirstValue(WaterwheelClaims.Role), out var role) ? role : null;

    public bool Has(string permission) => PermissionCheck.Granted(Principal, permission);

    public DataScope Scope
    {
        get
        {
            if (TenantId is null) return DataScope.Nothing;
            if (ApiKeyId is not null || IsSystem) return DataScope.WholeTenant;
            return Role switch
            {
                StaffRole.HqAdmin or StaffRole.HqOperator or StaffRole.Analyst => DataScope.WholeTenant,
                StaffRole.DealerAdmin => new DataScope(ScopeKind.OrgUnit, Principal.FindFirstValue(WaterwheelClaims.ScopePath) ?? "\u0000", null, null),
                StaffRole.StoreManager => new DataScope(ScopeKind.Store, Principal.FindFirstValue(WaterwheelClaims.ScopePath) ?? "\u0000", GuidClaim(WaterwheelClaims.ScopeStore), null),
                StaffRole.Guide => new DataScope(ScopeKind.Self, Principal.FindFirstValue(WaterwheelClaims.ScopePath) ?? "\u0000", GuidClaim(WaterwheelClaims.ScopeStore), StaffId),
                _ => DataScope.Nothing,
            };
        }
    }

    private Guid? GuidClaim(string type) => Guid.TryParse(Principal.FindFirstValue(type), out var id) ? id : null;
}
