using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Relationships;

public enum RelationshipStatus { Active, Lost }

/// <summary>
/// A customer's WeCom relationship with one staff member, as the WeCom module announced it. The earliest active one
/// that a store stands behind owns the customer.
/// </summary>
internal sealed class CustomerRelationship : IProfileRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; set; }
    /// <summary>Replaced by a placeholder when the person is erased, so that the row still counts but names no one.</summary>
    public required string ExternalUserId { get; set; }
    public required string StaffUserId { get; init; }
    public Guid? StaffId { get; set; }
    public Guid? StoreId { get; set; }
    public string? State { get; set; }
    public DateTime AddedAt { get; set; }
    public RelationshipStatus Status { get; set; }
    public DateTime? EndedAt { get; set; }
}
