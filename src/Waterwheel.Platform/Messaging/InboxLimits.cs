using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.Platform.Messaging;

/// <summary>What fits in the inbox's columns, for a module that bounds what it hands over rather than have it refused.</summary>
public static class InboxLimits
{
    public const int SourceLength = 60;
    public const int DedupeKeyLength = 200;
    public const int PartitionLength = 100;

    /// <summary>
    /// A value that fits in <paramref name="max"/> characters: itself, or when longer its readable start and a SHA-256 of
    /// the whole, so that the same long value (a retried message's key) always maps to the same bounded one.
    /// </summary>
    public static string Bound(string value, int max)
    {
        if (value.Length <= max) return value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        var keep = max - hash.Length - 1;
        // Half of a surrogate pair is not valid text; PostgreSQL would refuse it.
        if (char.IsHighSurrogate(value[keep - 1])) keep--;
        return $"{value[..keep]}#{hash}";
    }
}
