using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Staff;

namespace Waterwheel.Platform.Access;

/// <summary>Whether a signed-in principal's session still stands: for cookie requests and for console circuits.</summary>
public interface ISessionValidity
{
    Task<bool> IsCurrent(ClaimsPrincipal principal, CancellationToken ct);
}

/// <summary>
/// A session ends the moment its reason does: the person left, their role, scope or password changed, or they signed
/// out (each rotates the account's security stamp). One primary-key lookup per request, so nothing waits for a
/// validation interval.
/// </summary>
internal sealed class SessionValidity(PlatformDbContext db, IOptions<IdentityOptions> identity) : ISessionValidity
{
    public async Task<bool> IsCurrent(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)) return false;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var account = await db.Users.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                a.SecurityStamp,
                Active = db.Staff.IgnoreQueryFilters().Any(s => s.Id == a.StaffId && s.Status == StaffStatus.Active),
            })
            .FirstOrDefaultAsync(ct);
        return account is { Active: true } && stamp is not null && account.SecurityStamp == stamp;
    }

    /// <summary>The cookie's per-request check; replaces Identity's stamp validation, which runs only every few minutes.</summary>
    public static async Task ValidateCookie(CookieValidatePrincipalContext context)
    {
        var validity = context.HttpContext.RequestServices.GetRequiredService<ISessionValidity>();
        if (context.Principal is { } principal && await validity.IsCurrent(principal, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
