namespace Waterwheel.Platform.Tenancy;

/// <summary>A brand: the unit of isolation. Everything it owns carries its id.</summary>
internal sealed class Tenant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Code { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The IANA zone its people live in: every time they read, and every "today", is in this zone.</summary>
    public string TimeZone { get; set; } = TenantTime.DefaultZoneId;

    /// <summary>Bumped on every save: the ETag behind If-Match on the brand's settings.</summary>
    public int Version { get; set; }
}

/// <summary>A row that belongs to one tenant and is filtered by it in every query.</summary>
internal interface ITenantOwned
{
    Guid TenantId { get; }
}
