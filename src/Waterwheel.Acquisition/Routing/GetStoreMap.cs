using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// One store on the map: where it is (WGS-84), whether it takes customers now, the codes that bring customers to it —
/// live codes whose pool holds its staff, its group codes, and the nearest-store codes that may route to it (every open
/// located store) — and the adds its staff took through codes in the last 30 days.
/// </summary>
public sealed record StoreOnMap(Guid StoreId, string Name, string City, double Latitude, double Longitude, bool Open,
    IReadOnlyList<string> PoolCodes, IReadOnlyList<string> GroupCodes, IReadOnlyList<string> NearestCodes, int Adds30);

/// <summary>The stores in the viewer's scope that have coordinates, the cities they are in (most stores first) and how many stores have none.</summary>
public sealed record StoreMapView(IReadOnlyList<StoreOnMap> Stores, IReadOnlyList<string> Cities, int Unplaced);

/// <summary>The stores of the viewer's data scope with the codes that serve each: what the operator checks before printing one poster for all of them.</summary>
internal sealed class GetStoreMap(AcquisitionDbContext db, IOrganisationDirectory directory, ActorContext actor, ITenantZone zone, TimeProvider time)
{
    public async Task<StoreMapView> Handle(string? city, CancellationToken ct)
    {
        var tenant = actor.TenantId!.Value;
        var inScope = await directory.StoresInScope(actor, ct);
        var stores = (await directory.Stores(tenant, ct)).Where(s => inScope is null || inScope.Contains(s.StoreId)).ToList();
        var located = stores.Where(Placed).ToList();
        var cities = located.GroupBy(s => s.City).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        if (!string.IsNullOrWhiteSpace(city)) located = located.Where(s => s.City == city.Trim()).ToList();

        var staffStore = (await directory.WeComStaff(tenant, ct)).Where(s => s.StoreId is not null).ToDictionary(s => s.WeComUserId, s => s.StoreId!.Value);
        var codes = await db.Codes.AsNoTracking().Where(c => c.Status == LiveCodeStatus.Active).ToListAsync(ct);
        var poolCodes = codes.Where(c => c.Routing is null)
            .SelectMany(c => c.Pool.Select(m => (Store: staffStore.GetValueOrDefault(m.WeComUserId), c.Name)))
            .Where(x => x.Store != Guid.Empty).Distinct().ToLookup(x => x.Store, x => x.Name);
        var nearest = codes.Where(c => c.Routing is not null).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var groupCodes = (await db.GroupCodes.AsNoTracking().Where(g => g.Status == LiveCodeStatus.Active && g.StoreId != null)
            .Select(g => new { g.StoreId, g.Name }).ToListAsync(ct)).ToLookup(g => g.StoreId!.Value, g => g.Name);

        var since = TenantTime.Day(time.GetUtcNow().UtcDateTime, await zone.Current(ct)).AddDays(-29);
        var adds = (await db.Arrivals.AsNoTracking().Where(a => a.Day >= since).GroupBy(a => a.StaffUserId)
                .Select(g => new { Staff = g.Key, Count = g.Count() }).ToListAsync(ct))
            .Where(a => staffStore.ContainsKey(a.Staff)).GroupBy(a => staffStore[a.Staff]).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));

        var onMap = located.OrderBy(s => s.City, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => new StoreOnMap(
            s.StoreId, s.Name, s.City, s.Latitude!.Value, s.Longitude!.Value, s.Open, [.. poolCodes[s.StoreId].Order(StringComparer.Ordinal)],
            [.. groupCodes[s.StoreId].Order(StringComparer.Ordinal)], s.Open ? nearest : [], adds.GetValueOrDefault(s.StoreId))).ToList();
        return new StoreMapView(onMap, cities, stores.Count(s => !Placed(s)));
    }

    /// <summary>A store with coordinates; (0, 0) is a store whose place was never entered.</summary>
    private static bool Placed(StoreRef store) => store is { Latitude: { } lat, Longitude: { } lng } && (lat != 0 || lng != 0);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/store-map", async (string? city, GetStoreMap handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(city, ct)))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetStoreMap")
        .WithSummary("The stores of the caller's scope with coordinates (city: one city), each with the live, group and nearest-store codes that bring it customers and its adds in the last 30 days");
}
