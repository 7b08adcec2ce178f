using Microsoft.AspNetCore.Identity;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Access;

public sealed record CreateAccountRequest(string UserName, string Password);

public sealed record AccountDto(Guid Id, Guid StaffId, string UserName);

/// <summary>Gives a staff member a console sign-in.</summary>
internal sealed class CreateStaffAccount(PlatformDbContext db, UserManager<StaffAccount> users, ActorContext actor, IAuditLog audit)
{
    public async Task<Result<AccountDto>> Handle(Guid staffId, CreateAccountRequest request, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null) return Error.NotFound("Staff member");
        if (!RoleGrants.CanAssign(actor.Role, staff.Role))
            return Error.Forbidden("role_not_grantable", $"You cannot open a sign-in for a {staff.Role}.");
        if (staff.Status != StaffStatus.Active) return Error.Conflict("staff_left", "This staff member has left.");
        if (await db.Users.AnyAsync(a => a.StaffId == staffId, ct))
            return Error.Conflict("account_exists", "This staff member already has a sign-in.");
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 60 || !PlainText.IsPlain(request.UserName))
            return Error.Invalid("userName", "Give a user name of at most 60 characters.");

        var account = new StaffAccount { UserName = request.UserName.Trim(), TenantId = staff.TenantId, StaffId = staff.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(account, request.Password ?? "");
        if (!created.Succeeded) return IdentityErrors(created);
        audit.Record(AuditActions.AccountCreated, "staff", staff.Id.ToString(), $"user name {account.UserName}");
        await db.SaveChangesAsync(ct);
        return new AccountDto(account.Id, staff.Id, account.UserName);
    }

    private static Error IdentityErrors(IdentityResult result)
    {
        var fields = result.Errors
            .GroupBy(e => e.Code.Contains("Password") ? "password" : "userName")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return fields.ContainsKey("userName") && result.Errors.Any(e => e.Code == "DuplicateUserName")
            ? Error.Conflict("user_name_taken", "This user name is taken.")
            : new Error(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/staff/{id:guid}/account", async (Guid id, CreateAccountRequest request, CreateStaffAccount handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.StaffWrite)
        .WithName("CreateStaffAccount")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Give a staff member a console sign-in");
}
