
namespace Waterwheel.Platform.Stores;

public sealed record StoreListQuery : PageQuery
{
    public string? City { get; set; }
    public StoreStatus? Status { get; set; }

    /// <summary>Only stores under this unit (at any depth).</summary>
    public Guid? OrgUnitId { get; set; }
}

internal sealed class ListStores(PlatformDbContext db)
{
    public Task<Page<StoreDto>> Handle(StoreListQuery query, CancellationToken ct) =>
        Sort(db, Filter(db.Stores.AsNoTracking(), query), query).ToPage(q => q.Select(StoreDto.FromEntity), query, ct);

    /// <summary>Every store that matches, unpaged, for export.</summary>
    public Task<List<StoreDto>> All(StoreListQuery query, CancellationToken ct) =>
        Sort(db, Filter(db.Stores.AsNoTracking(), query), query).Select(StoreDto.FromEntity).ToListAsync(ct);

    private static IQueryable<Store> Filter(IQueryable<Store> stores, StoreListQuery query)
    {
        if (query.Search is { } q)
            stores = stores.Where(s => s.Name.Contains(q) || s.Code.Contains(q) || s.Address.Contains(q) || s.District.Contains(q)
                || s.City.Contains(q) || s.Province.Contains(q));
        if (!string.IsNullOrWhiteSpace(query.City)) stores = stores.Where(s => s.City == query.City);
        if (query.Status is { } status) stores = stores.Where(s => s.Status == status);
        if (query.OrgUnitId is { } unit)
        {
            var segment = "/" + unit.ToString("N") + "/";
            stores = stores.Where(s => s.OrgPath.Contains(segment));
        }
        return stores;
    }

    private static IQueryable<Store> Sort(DbContext db, IQueryable<Store> stores, PageQuery query) => (query.Sort?.ToLowerInvariant(), query.Descending) switch
    {
        ("name", var descending) => stores.OrderByChinese(db, s => s.Name, descending).ThenBy(s => s.Code),
        ("city", var descending) => stores.OrderByChinese(db, s => s.City, descending).ThenBy(s => s.Code),
        ("status", false) => stores.OrderBy(s => s.Status).ThenBy(s => s.Code),
        ("status", true) => stores.OrderByDescending(s => s.Status).ThenBy(s => s.Code),
        ("createdat", false) => stores.OrderBy(s => s.CreatedAt),
        ("createdat", true) => stores.OrderByDescending(s => s.CreatedAt),
        (_, true) => stores.OrderByDescending(s => s.Code),
        _ => stores.OrderBy(s => s.Code),
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/stores", async ([AsParameters] StoreListQuery query, ListStores handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("ListStores")
        .WithSummary("List stores in your scope: search (q: name, code, address, district, city or province), filters, sorting (names in pinyin order), paging");
}
