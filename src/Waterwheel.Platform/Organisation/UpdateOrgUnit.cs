using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Organisation;

/// <summary>Rename, recode or deactivate a unit. Its place in the tree is fixed: moving would re-scope every row under it.</summary>
internal sealed class UpdateOrgUnit(PlatformDbContext db, IValidator<SaveOrgUnitRequest> validator, IAuditLog audit)
{
    public async Task<Result<OrgUnitDto>> Handle(Guid id, SaveOrgUnitRequest request, string? ifMatch, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Error.NotFound("Organisation unit");
        if (ETags.Check(ifMatch, unit.Version) is { } precondition) return precondition;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var code = request.Code.Trim();
        if (await db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.TenantId == unit.TenantId && u.Code == code && u.Id != id, ct))
            return Error.Conflict("org_unit_code_taken", $"Another unit already has the code '{code}'.");

        unit.Name = request.Name.Trim();
        unit.Code = code;
        unit.IsActive = request.IsActive;
        audit.Record(AuditActions.OrgUnitUpdated, "org_unit", unit.Id.ToString(), $"{unit.Code} {unit.Name}");
        if (await db.SaveOrStale(ct) is { } stale) return stale;
        return OrgUnitDto.From(unit);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/org-units/{id:guid}", async (Guid id, SaveOrgUnitRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                UpdateOrgUnit handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, u => u.Version))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.OrgWrite)
        .WithName("UpdateOrgUnit")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Rename, recode or deactivate a unit");
}
