using System.Globalization;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Groups;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Channels;

/// <summary>
/// The channel, live code and group code lists as files for people: what each list shows for the same filter, in the
/// reader's language, channels and staff by name, amounts in yuan, times in the brand's zone.
/// </summary>
internal sealed class AcquisitionFiles(ListExport export, AcquisitionDbContext db)
{
    public async Task<IResult> Channels(IReadOnlyCollection<ChannelView> rows, string? format, ChannelListQuery filter, CancellationToken ct)
    {
        var names = await ChannelNames(ct);
        return await export.Send(Sheet("channels", "Name", "Kind", "Campaign", "Cost", "SpendDays", "Codes", "Arrivals", "CostPerFan", "Created"), format, filter, rows,
            tz => c =>
            [
                c.Name, Word(c.Kind), c.ParentId is { } parent ? names.GetValueOrDefault(parent, "") : "", Money(c.Cost),
                c is { SpendFrom: { } from, SpendTo: { } to } ? string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}–{to:yyyy-MM-dd}") : "",
                Count(c.Codes), Count(c.Arrivals), c.CostPerArrival is { } cost ? Money(cost) : "", TenantTime.Text(c.CreatedAt, tz),
            ], ct);
    }

    public async Task<IResult> Codes(IReadOnlyCollection<CodeView> rows, string? format, CodeListQuery filter, CancellationToken ct)
    {
        var names = await ChannelNames(ct);
        return await export.Send(Sheet("live_codes", "Name", "State", "Channel", "Pool", "Policy", "SkipVerify", "Arrivals", "Expires", "Status", "Created"),
            format, filter, rows, tz => c =>
            [
                c.Name, c.State, names.GetValueOrDefault(c.ChannelId, ""),
                c.Lbs is not null ? AcquisitionText.Get("Export.Lbs") : string.Join("、", c.Pool.Select(m => (m.Name ?? m.WeComUserId) + (m.Backup ? $"（{AcquisitionText.Get("Export.Backup")}）" : ""))),
                Word(c.Policy), YesNo(c.SkipVerify), Count(c.Arrivals), TenantTime.Text(c.ExpiresAt, tz), Word(c.Status), TenantTime.Text(c.CreatedAt, tz),
            ], ct);
    }

    public async Task<IResult> GroupCodes(IReadOnlyCollection<GroupCodeView> rows, string? format, GroupCodeListQuery filter, CancellationToken ct)
    {
        var names = await ChannelNames(ct);
        return await export.Send(Sheet("group_codes", "Name", "State", "Channel", "Cap", "Groups", "NewGroups", "Welcome", "Expires", "Status", "Created"),
            format, filter, rows, tz => c =>
            [
                c.Name, c.State, names.GetValueOrDefault(c.ChannelId, ""), Count(c.Cap),
                string.Join("、", c.Groups.Select(g => $"{g.Name ?? g.ChatId}（{Count(g.MemberCount)}）")),
                c.AutoCreateRoom ? $"{c.RoomBaseName}{c.RoomBaseId}…" : YesNo(false), c.Welcome, TenantTime.Text(c.ExpiresAt, tz), Word(c.Status),
                TenantTime.Text(c.CreatedAt, tz),
            ], ct);
    }

    private Task<Dictionary<Guid, string>> ChannelNames(CancellationToken ct) =>
        db.Channels.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    private static ExportSheet Sheet(string what, params string[] columns) =>
        new(what, AcquisitionText.Get($"Export.Sheet.{what}"), [.. columns.Select(c => AcquisitionText.Get($"Export.Col.{c}"))]);

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => AcquisitionText.Get($"Export.{typeof(TEnum).Name}.{value}");

    private static string YesNo(bool value) => AcquisitionText.Get(value ? "Export.Yes" : "Export.No");

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
