using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Staff;

public sealed record StaffListQuery : PageQuery
{
    public StaffRole? Role { get; set; }
    public StaffStatus? Status { get; set; }
    public Guid? StoreId { get; set; }
    public Guid? OrgUnitId { get; set; }
}

internal sealed class ListStaff(PlatformDbContext db, KeyedHasher hasher)
{
    public Task<Page<StaffDto>> Handle(StaffListQuery query, CancellationToken ct) =>
        Sort(db, Filter(query), query).ToPage(q => q.ToDto(db), query, ct);

    public Task<List<StaffDto>> All(StaffListQuery query, CancellationToken ct) => Sort(db, Filter(query), query).ToDto(db).ToListAsync(ct);

    private IQueryable<StaffMember> Filter(StaffListQuery query)
    {
        var staff = db.Staff.AsNoTracking();
        if (query.Search is { } q)
        {
            // A phone number is found by its keyed hash: the clear number is not in the database.
            var phoneHash = PhoneNumbers.IsMainlandMobile(q) ? hasher.HashPhone(q) : null;
            // Four digits are also the end of a number, as a guide is asked for "the one ending 5678".
            var tailHash = q.Length == 4 && q.All(char.IsAsciiDigit) ? hasher.HashPhoneTail(q) : null;
            staff = staff.Where(s => s.Name.Contains(q) || (s.WeComUserId != null && s.WeComUserId.Contains(q)) || s.MobileHash == phoneHash
                || (tailHash != null && s.MobileTailHash == tailHash));
        }
        if (query.Role is { } role) staff = staff.Where(s => s.Role == role);
        if (query.Status is { } status) staff = staff.Where(s => s.Status == status);
        if (query.StoreId is { } store) staff = staff.Where(s => s.StoreId == store);
        if (query.OrgUnitId is { } unit)
        {
            var segment = "/" + unit.ToString("N") + "/";
            staff = staff.Where(s => s.OrgPath.Contains(segment));
        }
        return staff;
    }

    private static IQueryable<StaffMember> Sort(DbContext db, IQueryable<StaffMember> staff, PageQuery query) => (query.Sort?.ToLowerInvariant(), query.Descending) switch
    {
        ("role", false) => staff.OrderBy(s => s.Role).ThenByChinese(db, s => s.Name),
        ("role", true) => staff.OrderByDescending(s => s.Role).ThenByChinese(db, s => s.Name),
        ("status", false) => staff.OrderBy(s => s.Status).ThenByChinese(db, s => s.Name),
        ("status", true) => staff.OrderByDescending(s => s.Status).ThenByChinese(db, s => s.Name),
        ("joinedat", false) => staff.OrderBy(s => s.JoinedAt),
        ("joinedat", true) => staff.OrderByDescending(s => s.JoinedAt),
        (_, var descending) => staff.OrderByChinese(db, s => s.Name, descending).ThenBy(s => s.Id),
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/staff", async ([AsParameters] StaffListQuery query, ListStaff handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.StaffRead)
        .WithName("ListStaff")
        .WithSummary("List staff in your scope: search by name, WeCom userid, full mobile number or its last 4 digits");
}
