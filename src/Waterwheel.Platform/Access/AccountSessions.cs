
namespace Waterwheel.Platform.Access;

/// <summary>
/// Ends a staff member's console sessions. A new security stamp fails the cookie's next validation
/// (see <c>SecurityStampValidatorOptions</c>), so a changed role or a departure takes effect within a minute.
/// </summary>
internal static class AccountSessions
{
    public static async Task Invalidate(PlatformDbContext db, Guid staffId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.StaffId == staffId, ct);
        if (account is not null) account.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public static async Task Disable(PlatformDbContext db, Guid staffId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.StaffId == staffId, ct);
        if (account is null) return;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
    }
}
