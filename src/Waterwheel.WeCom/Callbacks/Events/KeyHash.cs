using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>SHA-256 hex of a key's variable part: the same input always maps to the same short, fixed-size text.</summary>
internal static class KeyHash
{
    public const int Length = 64;

    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The first 128 bits: ample to tell inputs apart where the rest of the key already narrows them down.</summary>
    public static string Short(string value) => Of(value)[..32];
}
