using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Pools;

/// <summary>
/// Brings one code's WeCom way in line with its plan: counts today's adds per staff member, plans, and calls
/// update_contact_way only when the list differs from what WeCom holds. Runs as the code's tenant.
/// </summary>
internal sealed class PoolSync(AcquisitionDbContext db, IWeComContactWays ways, ITenantZone zone, TimeProvider time)
{
    public async Task<ContactWayOutcome> Refresh(LiveCode code, CancellationToken ct)
    {
        if (code.Status != LiveCodeStatus.Active || string.IsNullOrEmpty(code.ConfigId)) return new ContactWayOutcome(ContactWayStatus.Done);
        var (local, today) = await Today(ct);
        var counts = await AddsOn(code.Id, today, ct);
        var plan = PoolPlanner.Plan(code, local, counts);
        if (plan.SequenceEqual(code.LiveUserIds)) return new ContactWayOutcome(ContactWayStatus.Done);
        var updated = await ways.Update(code.TenantId, code.ConfigId, Spec(code, plan), ct);
        if (!updated.IsDone) return updated;
        await Routed(code, plan.ToList(), code.LastUserId, ct);
        return updated;
    }

    /// <summary>
    /// Stores who the way holds and who took the last add without touching the code's version: they move with every add,
    /// and an operator's edit (If-Match on the version) must not be refused for them. A concurrent edit may overwrite
    /// them; the next refresh compares again, and an unchanged list costs no call.
    /// </summary>
    public async Task Routed(LiveCode code, List<string> liveUserIds, string? lastUserId, CancellationToken ct)
    {
        await db.Serialized(() => db.Codes.Where(c => c.Id == code.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LiveUserIds, liveUserIds).SetProperty(c => c.LastUserId, lastUserId), ct), ct);
        var entry = db.Entry(code);
        if (entry.State == EntityState.Detached) (code.LiveUserIds, code.LastUserId) = (liveUserIds, lastUserId);
        else
        {
            // Tracked: the stored values are now these, so they are no change of the operator's to save.
            entry.Property(c => c.LiveUserIds).CurrentValue = liveUserIds;
            entry.Property(c => c.LiveUserIds).OriginalValue = liveUserIds;
            entry.Property(c => c.LastUserId).CurrentValue = lastUserId;
            entry.Property(c => c.LastUserId).OriginalValue = lastUserId;
        }
    }

    /// <summary>Always a multi-member way, even for one staff member: a single-member way can never take a second, and the QR is printed.</summary>
    public static ContactWaySpec Spec(LiveCode code, IReadOnlyList<string> users) =>
        new(users, code.State, code.SkipVerify, Remark(code.Name), Single: false);

    /// <summary>The tenant's local now and today's date: caps count per local day.</summary>
    public async Task<(DateTime Local, DateOnly Day)> Today(CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, await zone.Current(ct));
        return (local, DateOnly.FromDateTime(local));
    }

    /// <summary>The tenant's local date of an instant.</summary>
    public async Task<DateOnly> DayOf(DateTime utc, CancellationToken ct) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, await zone.Current(ct)));

    public async Task<Dictionary<string, int>> AddsOn(Guid codeId, DateOnly day, CancellationToken ct) =>
        await db.Arrivals.AsNoTracking().Where(a => a.CodeId == codeId && a.Day == day)
            .GroupBy(a => a.StaffUserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>WeCom shows the remark to admins; it takes 30 characters.</summary>
    private static string Remark(string name) => name.Length <= 30 ? name : name[..30];
}
