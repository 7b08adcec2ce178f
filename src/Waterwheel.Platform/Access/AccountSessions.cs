
namespace Waterwheel.Platform.Access;

/// <summary>
/// Ends a staff member's console sessions. A new security stamp fails the cookie's next validation
/// (see <see cref="SessionValidity"/>), so a changed role, a departure or a sign-out takes effect on the next request.
/// </summary>
internal static class AccountSessions
{
    public static async Task Invalidate(PlatformDbContext db, Guid staffId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.StaffId == staffId, ct);
        if (account is not null) Rotate(account);
    }

    public static void Rotate(StaffAccount account) => account.SecurityStamp = Guid.NewGuid().ToString("N");

    public static async Task Disable(PlatformDbContext db, Guid staffId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.StaffId == staffId, ct);
        if (account is null) return;
        Rotate(account);
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
    }
}
