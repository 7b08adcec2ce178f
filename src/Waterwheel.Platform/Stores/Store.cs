using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Stores;

public enum StoreStatus { Open, Paused, Closed }

/// <summary>A physical store under a region or dealer; <see cref="OrgPath"/> copies its unit's path for scoping.</summary>
internal sealed class Store : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "/";
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public string District { get; set; } = "";
    public string Address { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string OpeningHours { get; set; } = "";
    public string Phone { get; set; } = "";
    public StoreStatus Status { get; set; } = StoreStatus.Open;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
