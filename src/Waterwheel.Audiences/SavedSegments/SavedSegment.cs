namespace Waterwheel.Audiences.SavedSegments;

/// <summary>
/// A segment an operator named and kept, stored in its JSON form. It belongs to the part of the organisation that
/// made it (a dealer's segments are the dealer's), and whoever evaluates it counts only within their own scope.
/// </summary>
internal sealed class SavedSegment
{
    public const int NameLength = 100;
    public const int ExpressionLength = 64_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; set; } = "";
    public string Expression { get; set; } = "";
    public string OwnerOrgPath { get; init; } = "/";
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
