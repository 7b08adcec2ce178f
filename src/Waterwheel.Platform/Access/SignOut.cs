using Microsoft.AspNetCore.Identity;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Access;

/// <summary>
/// Ends the caller's session on the server, not only in the browser: a new security stamp makes every copy of the
/// cookie worthless at its next request. A signed-in caller's sign-out is an audit line. Used by the API and the console.
/// </summary>
internal sealed class SignOut(SignInManager<StaffAccount> signIn, IAuditLog audit, PlatformDbContext db, ActorContext actor)
{
    public async Task Handle(CancellationToken ct)
    {
        if (actor.Principal.Identity?.IsAuthenticated == true)
        {
            audit.Record(AuditActions.SignOut, "account", null, "");
            if (actor.UserId is { } accountId && await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct) is { } account)
                AccountSessions.Rotate(account);
            await db.SaveChangesAsync(ct);
        }
        await signIn.SignOutAsync();
    }
}
