using FluentValidation;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Staff;

internal sealed class CreateStaff(
    PlatformDbContext db, IValidator<SaveStaffRequest> validator, ActorContext actor, FieldEncryptor encryptor,
    KeyedHasher hasher, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<StaffDto>> Handle(SaveStaffRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (string.IsNullOrWhiteSpace(request.Mobile)) return Error.Invalid("mobile", "A mobile number is required.");
        if (!RoleGrants.CanAssign(actor.Role, request.Role))
            return Error.Forbidden("role_not_grantable", string.Format(System.Globalization.CultureInfo.CurrentCulture, ValidationText.Get("RoleNotGrantable"), ExportText.Role(request.Role)));
        var placement = await StaffPlacement.Resolve(db, request, ct);
        if (!placement.IsSuccess) return placement.Error!;
        var tenantId = actor.TenantId!.Value;
        var mobileHash = hasher.HashPhone(request.Mobile);
        if (await StaffPlacement.Conflicts(db, tenantId, null, mobileHash, request.WeComUserId, ct) is { } conflict) return conflict;

        var staff = new StaffMember
        {
            TenantId = tenantId,
            Name = request.Name.Trim(),
            Role = request.Role,
            WeComUserId = string.IsNullOrWhiteSpace(request.WeComUserId) ? null : request.WeComUserId.Trim(),
            JoinedAt = time.GetUtcNow().UtcDateTime,
        };
        StaffMobile.Set(staff, request.Mobile, encryptor, hasher);
        (staff.OrgUnitId, staff.StoreId, staff.OrgPath) = placement.Value!;
        db.Staff.Add(staff);
        audit.Record(AuditActions.StaffCreated, "staff", staff.Id.ToString(), $"{Mask.Name(staff.Name)} ({staff.Role})");
        await db.SaveChangesAsync(ct);
        return await db.Staff.Where(s => s.Id == staff.Id).ToDto(db).FirstAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/staff", async (SaveStaffRequest request, CreateStaff handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(s => $"/api/platform/staff/{s.Id}"))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.StaffWrite)
        .WithName("CreateStaff")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Add a staff member");
}
