using Waterwheel.Platform.Pii;

namespace Waterwheel.Customers.Identity;

/// <summary>
/// One identifier in one form, or none: placeholders that instrumentation sends when it knows nobody ("0", "null",
/// "anonymous", all zeros) must never link two people, so they are not identifiers at all.
/// </summary>
public static class IdentityValues
{
    public const int MaxLength = CustomerIdentity.KeyLength;

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "0", "-1", "null", "nil", "none", "undefined", "anonymous", "unknown", "n/a", "na", "test", "[object object]",
    };

    /// <summary>The value as stored and matched, or null when it is blank, a placeholder, too long or malformed for its type.</summary>
    public static string? Normalise(IdentityType type, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || Placeholders.Contains(value)) return null;
        if (value.All(c => c is '0' or '-' or '_' or '.' or ' ')) return null;
        return type switch
        {
            IdentityType.Phone => PhoneNumbers.IsMainlandMobile(value) ? PhoneNumbers.Normalise(value) : null,
            IdentityType.Email => value.Contains('@') && !value.StartsWith('@') && !value.EndsWith('@') ? value.ToLowerInvariant() : null,
            _ => value,
        };
    }
}
