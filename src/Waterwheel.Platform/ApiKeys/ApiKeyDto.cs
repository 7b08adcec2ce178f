namespace Waterwheel.Platform.ApiKeys;

public sealed record ApiKeyDto(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, string CreatedBy,
    DateTime? LastUsedAt, DateTime? RevokedAt, Guid? OwnerStaffId, bool IsService)
{
    internal static ApiKeyDto From(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.Permissions, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt, k.OwnerStaffId, k.IsService);
}

/// <summary>The only time the secret is seen: the answer to its creation.</summary>
public sealed record CreatedApiKey(ApiKeyDto Key, string Token);

public sealed record CreateApiKeyRequest
{
    public string Name { get; set; } = "";
    public List<string> Permissions { get; set; } = [];

    /// <summary>A service key keeps working when its owner leaves; a personal key (the default) does not.</summary>
    public bool Service { get; set; }
}
