using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.ApiKeys;

/// <summary>Authenticates <c>X-Api-Key: ww_…</c> (or <c>Authorization: Bearer ww_…</c>) against the stored hash.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PlatformDbContext db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    // Writing last-used on every call would turn each read into a write; a minute's precision is enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static string? TokenOf(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var key) && !string.IsNullOrWhiteSpace(key)) return key.ToString().Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ww_", StringComparison.Ordinal) ? auth["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (ApiKeyToken.IdOf(token) is not { } id) return AuthenticateResult.Fail("Malformed API key.");

        var found = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == id)
            .Select(k => new { Key = k, Owner = db.Staff.IgnoreQueryFilters().Where(s => s.Id == k.OwnerStaffId).Select(s => new { s.Status, s.Role }).FirstOrDefault() })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var key = found?.Key;
        if (key is null || !ApiKeyToken.Matches(token, key.SecretHash)) return AuthenticateResult.Fail("Unknown API key.");
        if (key.RevokedAt is not null) return AuthenticateResult.Fail("This API key has been revoked.");
        if (found!.Owner is not { } owner) return AuthenticateResult.Fail("This API key has no owner.");
        if (!key.IsService && owner.Status != Staff.StaffStatus.Active) return AuthenticateResult.Fail("The owner of this API key has left.");
        // A personal key never does more than its owner may do today.
        var granted = key.IsService ? key.Permissions : key.Permissions.Where(Permissions.ByRole[owner.Role].Contains).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedPrecision)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"api-key:{key.Name}"),
            new(WaterwheelClaims.Tenant, key.TenantId.ToString()),
            new(WaterwheelClaims.ApiKey, key.Id.ToString()),
        };
        claims.AddRange(granted.Select(p => new Claim(WaterwheelClaims.Permission, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
