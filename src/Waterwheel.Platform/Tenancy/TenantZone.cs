namespace Waterwheel.Platform.Tenancy;

/// <summary>The acting tenant's time zone, for what people read: the console's times and "today", the exports.</summary>
public interface ITenantZone
{
    Task<TimeZoneInfo> Current(CancellationToken ct);
}

internal sealed class TenantZone(PlatformDbContext db, ActorContext actor) : ITenantZone
{
    public async Task<TimeZoneInfo> Current(CancellationToken ct)
    {
        if (actor.TenantId is not { } tenant) return TenantTime.DefaultZone;
        var id = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant).Select(t => t.TimeZone).FirstOrDefaultAsync(ct);
        return TenantTime.ZoneOrDefault(id);
    }
}
