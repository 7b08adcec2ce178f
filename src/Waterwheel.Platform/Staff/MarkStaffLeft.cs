using Waterwheel.Platform.Access;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Staff;

/// <summary>
/// A staff member leaves: the record stays (their customers and history point at it) and their sign-in stops
/// working at once.
/// </summary>
internal sealed class MarkStaffLeft(PlatformDbContext db, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<StaffDto>> Handle(Guid id, CancellationToken ct)
    {
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return Error.NotFound("Staff member");
        if (!RoleGrants.CanAssign(actor.Role, staff.Role))
            return Error.Forbidden("staff_not_editable", "You cannot change a staff member whose role is above yours.");
        if (staff.Id == actor.StaffId) return Error.Conflict("cannot_remove_self", "You cannot mark yourself as left.");
        if (staff.Status == StaffStatus.Left) return await db.Staff.Where(s => s.Id == id).ToDto(db).FirstAsync(ct);

        staff.Status = StaffStatus.Left;
        staff.LeftAt = time.GetUtcNow().UtcDateTime;
        await AccountSessions.Disable(db, staff.Id, ct);
        audit.Record(AuditActions.StaffLeft, "staff", staff.Id.ToString(), Mask.Name(staff.Name));
        await db.SaveChangesAsync(ct);
        return await db.Staff.Where(s => s.Id == id).ToDto(db).FirstAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/staff/{id:guid}/leave", async (Guid id, MarkStaffLeft handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.StaffWrite)
        .WithName("MarkStaffLeft")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithSummary("Mark a staff member as left and disable their sign-in");
}
