using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>msg_signature = lowercase hex SHA1 over the ordinally sorted concatenation of token, timestamp, nonce and Encrypt.</summary>
internal static class MsgSignature
{
    public static string Compute(string token, string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Fixed-time comparison, so a forger cannot learn the signature byte by byte from response timing.</summary>
    public static bool Matches(string? given, string token, string timestamp, string nonce, string encrypt)
    {
        if (given is null) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce, encrypt));
        var actual = Encoding.ASCII.GetBytes(given.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
