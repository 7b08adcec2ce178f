using System.Globalization;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Console;

/// <summary>
/// Every time the console shows, in the brand's time zone rather than the server's (which is UTC on most hosts). The
/// zone is read once per circuit, when the layout opens, so a page never shows one row in UTC and the next in China time.
/// </summary>
public sealed class ConsoleClock(ConsoleSession session, TimeProvider time)
{
    public TimeZoneInfo Zone { get; private set; } = TenantTime.DefaultZone;

    public bool Loaded { get; private set; }

    public async Task Load()
    {
        if (Loaded) return;
        Zone = await session.Run<ITenantZone, TimeZoneInfo>((zone, ct) => zone.Current(ct));
        Loaded = true;
    }

    /// <summary>After the brand's zone changed: this operator sees the new zone at once, without signing in again.</summary>
    public async Task Reload()
    {
        Loaded = false;
        await Load();
    }

    /// <summary>A UTC time in the brand's zone as <paramref name="format"/> (to the second unless a page needs less); "" for none.</summary>
    public string Format(DateTime? utc, string format = TenantTime.Format) =>
        utc is { } value ? TenantTime.Local(value, Zone).ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>The brand's calendar day now: the day the audit filter and the "today" figures mean.</summary>
    public DateOnly Today => TenantTime.Day(time.GetUtcNow().UtcDateTime, Zone);

    /// <summary>Where a day picked on a calendar begins, in UTC, for a filter sent to the server.</summary>
    public DateTime StartOfDayUtc(DateTime day) => TenantTime.StartOfDayUtc(DateOnly.FromDateTime(day), Zone);
}
