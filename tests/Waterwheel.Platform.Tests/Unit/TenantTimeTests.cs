using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>What people read is in the brand's zone: a row stored at 23:30 UTC on 11-29 is 11-30 07:30 in China, and counts in China's 11-30.</summary>
public sealed class TenantTimeTests
{
    private static readonly TimeZoneInfo China = TenantTime.DefaultZone;

    [Fact]
    public void A_time_is_shown_in_the_zone_to_the_second_without_fractions()
    {
        var utc = new DateTime(2026, 11, 29, 23, 30, 5, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal("2026-11-30 07:30:05", TenantTime.Text(utc, China));
        Assert.Equal("", TenantTime.Text(null, China));
    }

    [Fact]
    public void The_brands_day_begins_at_its_midnight_not_UTCs()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), TenantTime.Day(new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), China));
        Assert.Equal(new DateOnly(2026, 11, 29), TenantTime.Day(new DateTime(2026, 11, 29, 15, 59, 59, DateTimeKind.Utc), China));
        Assert.Equal(new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), TenantTime.StartOfDayUtc(new DateOnly(2026, 11, 30), China));
    }

    [Fact]
    public void Only_zones_the_server_knows_are_found()
    {
        Assert.Equal("Asia/Shanghai", TenantTime.DefaultZoneId);
        Assert.NotNull(TenantTime.Find("Europe/London"));
        Assert.Null(TenantTime.Find("Mars/Olympus"));
        Assert.Null(TenantTime.Find(" "));
    }
}
