using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.ApiKeys;

/// <summary>A server-to-server credential: shown once, stored as a SHA-256 hash, revocable.</summary>
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
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
