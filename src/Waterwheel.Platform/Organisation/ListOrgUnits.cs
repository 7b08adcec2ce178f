
namespace Waterwheel.Platform.Organisation;

/// <summary>The organisation tree in the actor's scope, parents before children.</summary>
internal sealed class ListOrgUnits(PlatformDbContext db)
{
    public async Task<List<OrgUnitDto>> Handle(CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct);
        return units
            .OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Kind).ThenBy(u => u.Code)
            .Select(OrgUnitDto.From)
            .ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/org-units", async (ListOrgUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("ListOrgUnits")
        .WithSummary("The organisation tree in your scope");
}
