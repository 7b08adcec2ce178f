using Microsoft.AspNetCore.Identity;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Staff;

namespace Waterwheel.Platform.Access;

public enum SignInOutcome { Succeeded, Failed, LockedOut }

/// <summary>Password sign-in with lockout; every attempt, good or bad, goes into the audit log.</summary>
internal sealed class SignIn(SignInManager<StaffAccount> signIn, PlatformDbContext db, AuditLog audit)
{
    public async Task<SignInOutcome> Handle(string userName, string password, bool remember, CancellationToken ct)
    {
        var account = await signIn.UserManager.FindByNameAsync(userName.Trim());
        var active = account is not null && await db.Staff.IgnoreQueryFilters()
            .AnyAsync(s => s.Id == account.StaffId && s.Status == StaffStatus.Active, ct);
        var result = account is null || !active
            ? NoAccount(password)
            : await signIn.PasswordSignInAsync(account, password, remember, lockoutOnFailure: true);

        var outcome = result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        var action = outcome switch
        {
            SignInOutcome.Succeeded => AuditActions.SignInSucceeded,
            SignInOutcome.LockedOut => AuditActions.SignInLockedOut,
            _ => AuditActions.SignInFailed,
        };
        audit.RecordFor(account?.TenantId, account?.Id, account?.UserName ?? Truncate(userName), action,
            account is null ? "unknown user name" : !active ? "staff member has left" : "");
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Checks the password against a fixed hash, so that an unknown or departed user's sign-in takes as long as a real
    /// one's: the answer's timing must not tell which user names exist.
    /// </summary>
    private Microsoft.AspNetCore.Identity.SignInResult NoAccount(string password)
    {
        var hasher = signIn.UserManager.PasswordHasher;
        _dummyHash ??= hasher.HashPassword(Dummy, "no account has this password");
        hasher.VerifyHashedPassword(Dummy, _dummyHash, password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    private static readonly StaffAccount Dummy = new();
    private static string? _dummyHash;

    private static string Truncate(string s) => s.Length > 60 ? s[..60] : s;
}
