using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Organisation;

public sealed record CustomerSharingRequest(bool Share);

/// <summary>
/// A dealer shares its customers' details with head office, or stops. Only the dealer's own admin decides — head office
/// may not grant itself what the dealer holds — and each change is audited.
/// </summary>
internal sealed class SetCustomerSharing(PlatformDbContext db, ActorContext actor, IAuditLog audit)
{
    public async Task<Result<OrgUnitDto>> Handle(Guid id, CustomerSharingRequest request, string? ifMatch, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Error.NotFound("Organisation unit");
        if (unit.Kind != OrgUnitKind.Dealer || actor.Role != StaffRole.DealerAdmin || actor.Scope.Path != unit.Path)
            return Error.Forbidden("dealer_decides", "Only the dealer's own admin decides whether head office sees its customers' details.");
        if (ETags.Check(ifMatch, unit.Version) is { } precondition) return precondition;
        if (unit.SharesCustomerDetails != request.Share)
        {
            audit.Record(AuditActions.CustomerSharingChanged, "org_unit", unit.Id.ToString(),
                $"{unit.Code} {unit.Name}: {(unit.SharesCustomerDetails ? "shared" : "not shared")} → {(request.Share ? "shared" : "not shared")}");
            unit.SharesCustomerDetails = request.Share;
            if (await db.SaveOrStale(ct) is { } stale) return stale;
        }
        return OrgUnitDto.From(unit);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/org-units/{id:guid}/customer-sharing", async (Guid id, CustomerSharingRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                SetCustomerSharing handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, u => u.Version))
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("SetDealerCustomerSharing")
        .WithSummary("A dealer shares its customers' details with head office, or stops (the dealer's own admin only; audited)");
}
