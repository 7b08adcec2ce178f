using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Stores;

namespace Waterwheel.Platform.Organisation;

public sealed record CountBy<T>(T Key, int Count);

public sealed record OrganisationSummary(
    IReadOnlyList<CountBy<OrgUnitKind>> Units, IReadOnlyList<CountBy<string>> OpenStoresByCity,
    IReadOnlyList<CountBy<StoreStatus>> StoresByStatus, IReadOnlyList<CountBy<StaffRole>> ActiveStaffByRole);

/// <summary>Head counts of the organisation in the actor's scope, for the overview page.</summary>
internal sealed class GetOrganisationSummary(PlatformDbContext db)
{
    public async Task<OrganisationSummary> Handle(CancellationToken ct) => new(
        await db.OrgUnits.GroupBy(u => u.Kind).Select(g => new CountBy<OrgUnitKind>(g.Key, g.Count())).ToListAsync(ct),
        // Ordered before the projection: EF cannot translate a member of a record built by its constructor.
        await db.Stores.Where(s => s.Status == StoreStatus.Open).GroupBy(s => s.City).OrderByDescending(g => g.Count())
            .Select(g => new CountBy<string>(g.Key, g.Count())).ToListAsync(ct),
        await db.Stores.GroupBy(s => s.Status).Select(g => new CountBy<StoreStatus>(g.Key, g.Count())).ToListAsync(ct),
        await db.Staff.Where(s => s.Status == StaffStatus.Active).GroupBy(s => s.Role)
            .Select(g => new CountBy<StaffRole>(g.Key, g.Count())).ToListAsync(ct));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/organisation/summary", async (GetOrganisationSummary handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("GetOrganisationSummary")
        .WithSummary("Head counts of units, stores and staff in your scope");
}
