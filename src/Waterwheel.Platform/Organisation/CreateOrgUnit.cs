using FluentValidation;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Organisation;

internal sealed class CreateOrgUnit(PlatformDbContext db, IValidator<SaveOrgUnitRequest> validator, IAuditLog audit)
{
    public async Task<Result<OrgUnitDto>> Handle(SaveOrgUnitRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (request.ParentId is not { } parentId) return Error.Invalid("parentId", "Choose the unit this one sits under.");
        var parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == parentId, ct);
        if (parent is null) return Error.Invalid("parentId", "The parent unit does not exist or is outside your scope.");
        if (!OrgUnit.MayContain(parent.Kind, request.Kind))
            return Error.Invalid("kind", $"A {request.Kind} cannot sit under a {parent.Kind}.");
        var code = request.Code.Trim();
        if (await db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.TenantId == parent.TenantId && u.Code == code, ct))
            return Error.Conflict("org_unit_code_taken", $"Another unit already has the code '{code}'.");

        var unit = OrgUnit.Create(parent.TenantId, parent, request.Kind, request.Name.Trim(), code);
        unit.IsActive = request.IsActive;
        db.OrgUnits.Add(unit);
        audit.Record(AuditActions.OrgUnitCreated, "org_unit", unit.Id.ToString(), $"{unit.Kind} {unit.Code} {unit.Name}");
        await db.SaveChangesAsync(ct);
        return OrgUnitDto.From(unit);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/org-units", async (SaveOrgUnitRequest request, CreateOrgUnit handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(u => $"/api/platform/org-units/{u.Id}"))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.OrgWrite)
        .WithName("CreateOrgUnit")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Add a sub-brand, region or dealer");
}
