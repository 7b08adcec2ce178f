using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Staff;

public enum StaffStatus { Active, Left }

/// <summary>
/// A person who works for the brand. The mobile number is PII: stored encrypted, looked up by keyed hash,
/// shown masked; revealing it is audited.
/// </summary>
internal sealed class StaffMember : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string Name { get; set; }
    public string MobileCipher { get; set; } = "";
    public string MobileHash { get; set; } = "";
    public string MobileMasked { get; set; } = "";

    /// <summary>Keyed hash of the number's last four digits: guides are asked for "the one ending 5678", never the whole number.</summary>
    public string? MobileTailHash { get; set; }
    public string? WeComUserId { get; set; }
    public StaffRole Role { get; set; }
    public Guid OrgUnitId { get; set; }
    public Guid? StoreId { get; set; }
    public string OrgPath { get; set; } = "/";
    public StaffStatus Status { get; set; } = StaffStatus.Active;
    public DateTime JoinedAt { get; init; }
    public DateTime? LeftAt { get; set; }
    public int Version { get; set; }
}
