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

        var key = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        if (key is null || !ApiKeyToken.Matches(token, key.SecretHash)) return AuthenticateResult.Fail("Unknown API key.");
        if (key.RevokedAt is not null) return AuthenticateResult.Fail("This API key has been revoked.");

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
        claims.AddRange(key.Permissions.Select(p => new Claim(WaterwheelClaims.Permission, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
