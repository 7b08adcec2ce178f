using System.Globalization;

namespace Waterwheel.Platform.Tenancy;

/// <summary>
/// Times as a brand's people read them: in the tenant's time zone, to the second. The database and the API keep UTC
/// (the API with its offset); only what a person reads (the console, an export) goes through here.
/// </summary>
public static class TenantTime
{
    public const string DefaultZoneId = "Asia/Shanghai";
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>China Standard Time as a fixed offset, for a server without a time-zone database: China has had no daylight saving since 1991.</summary>
    private static readonly TimeZoneInfo ChinaFallback = TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static TimeZoneInfo DefaultZone { get; } = Find(DefaultZoneId) ?? ChinaFallback;

    /// <summary>The zone of an IANA id (Asia/Shanghai), or null when the id names no zone this server knows.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static TimeZoneInfo ZoneOrDefault(string? id) => Find(id) ?? DefaultZone;

    /// <summary>A UTC instant as the tenant's wall-clock time, with its offset.</summary>
    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in the zone; empty for no time.</summary>
    public static string Text(DateTime? utc, TimeZoneInfo zone) =>
        utc is not { } value || value == default ? "" : Local(value, zone).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The tenant's calendar day of an instant.</summary>
    public static DateOnly Day(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(utc, zone).DateTime);

    /// <summary>Where a tenant's day begins, in UTC: "today" counts from here, not from midnight UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), zone);
}
