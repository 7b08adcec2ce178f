using Waterwheel.Acquisition.Routing;
using Waterwheel.Acquisition.Welcome;

namespace Waterwheel.Acquisition.Codes;

/// <summary>A pool member as the API shows them: the staff member, their WeCom userid and name, cap and role.</summary>
public sealed record PoolMemberView(Guid StaffId, string WeComUserId, string? Name, int? DailyCap, bool Backup, int AddsToday);

/// <summary>When the primaries take adds: days of the week (0 = Sunday) and minutes after local midnight [from, until).</summary>
public sealed record ScheduleView(IReadOnlyList<int> Days, int FromMinute, int UntilMinute);

public sealed record WelcomeView(string Text, IReadOnlyList<WelcomeItem> Attachments);

/// <summary>A nearest-store code's settings, and the path of its landing page (the printed QR's target).</summary>
public sealed record LbsView(double RadiusKm, LbsFallback Fallback, int? GuideDailyCap, string LandingPath, bool Groups = false);

/// <summary>A live code with its WeCom way (QR URL and the staff it holds now) and the arrivals it brought.</summary>
public sealed record CodeView(
    Guid Id, Guid ChannelId, string Name, string State, AssignmentPolicy Policy, bool SkipVerify, IReadOnlyList<PoolMemberView> Pool,
    ScheduleView Schedule, IReadOnlyList<Guid> TagIds, WelcomeView Welcome, DateTime? ExpiresAt, LiveCodeStatus Status, string QrCodeUrl,
    IReadOnlyList<string> LiveUserIds, int Arrivals, DateTime CreatedAt, int Version, LbsView? Lbs = null)
{
    internal static CodeView Of(LiveCode c, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<string, int> addsToday, int arrivals) => new(
        c.Id, c.ChannelId, c.Name, c.State, c.Policy, c.SkipVerify,
        c.Pool.Select(m => new PoolMemberView(m.StaffId, m.WeComUserId, names.GetValueOrDefault(m.StaffId), m.DailyCap, m.Backup,
            addsToday.GetValueOrDefault(m.WeComUserId))).ToList(),
        new ScheduleView(Enumerable.Range(0, 7).Where(d => (c.Schedule.Days & (1 << d)) != 0).ToList(), c.Schedule.From, c.Schedule.Until),
        c.TagIds, new WelcomeView(c.Welcome.Text, c.Welcome.Attachments), c.ExpiresAt, c.Status, c.QrCodeUrl, c.LiveUserIds, arrivals, c.CreatedAt, c.Version,
        c.Routing is { } r ? new LbsView(r.RadiusKm, r.Fallback, r.GuideDailyCap, $"/h5/lbs/{c.PublicToken}", r.Groups) : null);
}
