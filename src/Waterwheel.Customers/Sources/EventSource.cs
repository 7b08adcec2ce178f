namespace Waterwheel.Customers.Sources;

/// <summary>
/// A place events come from (the website, the mini-program, the POS bridge), with its own write key so that one
/// leaked key is revoked without silencing the others. Only a SHA-256 of the key is kept.
/// </summary>
internal sealed class EventSource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string Name { get; set; }
    public required byte[] KeyHash { get; init; }

    /// <summary>The key's last four characters, so that an operator can tell keys apart.</summary>
    public required string KeyHint { get; init; }

    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime? RevokedAt { get; set; }
    public int Version { get; set; }

    /// <summary>A new source with a fresh write key; the key is returned this once, only its hash is kept.</summary>
    public static (EventSource Source, string WriteKey) Issue(Guid tenantId, string name, string createdBy, DateTime now)
    {
        var id = Guid.CreateVersion7();
        var (key, hash) = WriteKeys.Issue(id);
        return (new EventSource { Id = id, TenantId = tenantId, Name = name, KeyHash = hash, KeyHint = key[^4..], CreatedAt = now, CreatedBy = createdBy }, key);
    }
}
