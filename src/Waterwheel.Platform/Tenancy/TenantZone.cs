namespace Waterwheel.Platform.Tenancy;

/// <summary>The acting tenant's time zone, for what people read: the console's times and "today", the exports.</summary>
public sealed class TenantZone
{
    public Task<TimeZoneInfo> Current(CancellationToken ct) => Task.FromResult(TenantTime.DefaultZone);
}
