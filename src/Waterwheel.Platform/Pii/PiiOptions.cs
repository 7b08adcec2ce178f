namespace Waterwheel.Platform.Pii;

/// <summary>
/// <c>Waterwheel:Pii</c>: field-encryption keys by id, the active one, and the HMAC key for lookups.
/// When no keys are configured they are read from (or created in) <see cref="KeyFile"/>.
/// </summary>
public sealed class PiiOptions
{
    public const string Section = "Waterwheel:Pii";

    public string KeyFile { get; set; } = "data/pii-keys.json";
    public string? ActiveKeyId { get; set; }
    public Dictionary<string, string> Keys { get; set; } = [];
    public string? HashKey { get; set; }
}
