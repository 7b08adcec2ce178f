using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.Customers.Sources;

/// <summary>
/// A write key as the instrumentation holds it: <c>wk_{source id}_{secret}</c>. The id finds the source without a scan;
/// the secret has 256 bits of entropy, so a plain SHA-256 of the whole key is enough to store.
/// </summary>
internal static class WriteKeys
{
    public static (string Key, byte[] Hash) Issue(Guid sourceId)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"wk_{sourceId:N}_{secret}";
        return (key, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static Guid? SourceOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == "wk" && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    public static bool Matches(string key, byte[] stored) => CryptographicOperations.FixedTimeEquals(Hash(key), stored);

    /// <summary>
    /// The key from HTTP Basic authentication (Segment's libraries send it as the user name with an empty password),
    /// or from the body's writeKey, which browser libraries use to avoid a CORS preflight.
    /// </summary>
    public static string? FromAuthorization(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
