
namespace Waterwheel.Platform.Organisation;

internal sealed class GetOrgUnit(PlatformDbContext db)
{
    public async Task<Result<OrgUnitDto>> Handle(Guid id, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
            ? OrgUnitDto.From(u)
            : Error.NotFound("Organisation unit");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/org-units/{id:guid}", async (Guid id, GetOrgUnit handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, u => u.Version))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("GetOrgUnit")
        .WithSummary("Read one organisation unit");
}
