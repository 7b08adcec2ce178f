using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade;

/// <summary>
/// Platform staff with a WeCom userid, beside their member in the corp's address book as the last sync saw it. A
/// member the sync no longer found is reported without WeCom details, like one it has not seen yet.
/// </summary>
internal sealed class GetLinkedStaff(WeComDbContext db, IOrganisationDirectory directory)
{
    public async Task<IReadOnlyList<LinkedWeComStaff>> Handle(Guid tenantId, Func<StaffRef, bool> which, CancellationToken ct)
    {
        var staff = (await directory.WeComStaff(tenantId, ct)).Where(which).ToList();
        if (staff.Count == 0) return [];
        var userIds = staff.Select(s => s.WeComUserId).Distinct().ToList();
        var members = await db.WeComMembers.AsNoTracking().Where(m => userIds.Contains(m.UserId) && !m.Removed).ToDictionaryAsync(m => m.UserId, ct);

        return staff.Select(s => members.GetValueOrDefault(s.WeComUserId) is { } m
                ? new LinkedWeComStaff(s.StaffId, s.Name, s.StoreId, s.WeComUserId, m.Name, m.Status, m.CanFollow)
                : new LinkedWeComStaff(s.StaffId, s.Name, s.StoreId, s.WeComUserId, null, null, null))
            .ToList();
    }
}
