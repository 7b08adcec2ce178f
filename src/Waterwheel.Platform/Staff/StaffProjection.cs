
namespace Waterwheel.Platform.Staff;

internal static class StaffProjection
{
    public static IQueryable<StaffDto> ToDto(this IQueryable<StaffMember> staff, PlatformDbContext db) => staff.Select(s => new StaffDto(
        s.Id, s.Name, s.MobileMasked, s.WeComUserId, s.Role, s.OrgUnitId, s.StoreId, s.Status, s.JoinedAt, s.LeftAt,
        db.Users.Where(a => a.StaffId == s.Id).Select(a => a.UserName).FirstOrDefault(), s.Version));
}
