using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.ApiKeys;

/// <summary>
/// A server-to-server credential: shown once, stored as a SHA-256 hash, revocable. A personal key acts for its owner and
/// dies with the owner's access (they leave; a narrower role narrows it); a service key outlives its owner, who stays
/// named as the person answerable for it.
/// </summary>
internal sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string Name { get; set; }
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    public List<string> Permissions { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public Guid? OwnerStaffId { get; init; }
    public bool IsService { get; init; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
