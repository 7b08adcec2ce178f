using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Staff;

/// <summary>Edit a staff member. A role change is audited and signs the person out of sessions holding the old role.</summary>
internal sealed class UpdateStaff(
    PlatformDbContext db, IValidator<SaveStaffRequest> validator, ActorContext actor, FieldEncryptor encryptor,
    KeyedHasher hasher, IAuditLog audit)
{
    public async Task<Result<StaffDto>> Handle(Guid id, SaveStaffRequest request, string? ifMatch, CancellationToken ct)
    {
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return Error.NotFound("Staff member");
        if (ETags.Check(ifMatch, staff.Version) is { } precondition) return precondition;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (request.Role != staff.Role && !(RoleGrants.CanAssign(actor.Role, request.Role) && RoleGrants.CanAssign(actor.Role, staff.Role)))
            return Error.Forbidden("role_not_grantable", string.Format(System.Globalization.CultureInfo.CurrentCulture, ValidationText.Get("RoleNotGrantable"), ExportText.Role(request.Role)));
        if (!RoleGrants.CanAssign(actor.Role, staff.Role) && actor.StaffId != staff.Id)
            return Error.Forbidden("staff_not_editable", "You cannot edit a staff member whose role is above yours.");
        var placement = await StaffPlacement.Resolve(db, request, ct);
        if (!placement.IsSuccess) return placement.Error!;
        var mobileHash = string.IsNullOrWhiteSpace(request.Mobile) ? null : hasher.HashPhone(request.Mobile);
        if (await StaffPlacement.Conflicts(db, staff.TenantId, staff.Id, mobileHash, request.WeComUserId, ct) is { } conflict) return conflict;

        if (request.Role != staff.Role || placement.Value!.OrgPath != staff.OrgPath)
        {
            audit.Record(AuditActions.RoleChanged, "staff", staff.Id.ToString(),
                $"{Mask.Name(staff.Name)}: {staff.Role} → {request.Role}");
            await AccountSessions.Invalidate(db, staff.Id, ct);
        }
        staff.Name = request.Name.Trim();
        staff.Role = request.Role;
        staff.WeComUserId = string.IsNullOrWhiteSpace(request.WeComUserId) ? null : request.WeComUserId.Trim();
        if (!string.IsNullOrWhiteSpace(request.Mobile)) StaffMobile.Set(staff, request.Mobile, encryptor, hasher);
        (staff.OrgUnitId, staff.StoreId, staff.OrgPath) = placement.Value!;
        audit.Record(AuditActions.StaffUpdated, "staff", staff.Id.ToString(), Mask.Name(staff.Name));
        if (await db.SaveOrStale(ct) is { } stale) return stale;
        return await db.Staff.Where(s => s.Id == staff.Id).ToDto(db).FirstAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/staff/{id:guid}", async (Guid id, SaveStaffRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                UpdateStaff handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, s => s.Version))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.StaffWrite)
        .WithName("UpdateStaff")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Edit a staff member (role changes are audited)");
}
