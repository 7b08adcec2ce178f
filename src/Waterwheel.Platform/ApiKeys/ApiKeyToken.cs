using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.Platform.ApiKeys;

/// <summary>
/// The key as the client holds it: <c>ww_{id}_{secret}</c>. The id finds the row; only a SHA-256 of the whole token
/// is stored (the secret has 256 bits of entropy, so a slow hash adds nothing).
/// </summary>
internal static class ApiKeyToken
{
    public static (string Token, byte[] Hash) Issue(Guid id)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"ww_{id:N}_{secret}";
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static Guid? IdOf(string token)
    {
        var parts = token.Split('_', 3);
        return parts.Length == 3 && parts[0] == "ww" && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
}
