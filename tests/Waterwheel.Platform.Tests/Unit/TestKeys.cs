using System.Security.Cryptography;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

internal static class TestKeys
{
    public static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    public static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);
    public static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);

    public static PiiKeyRing Ring(string active, params (string Id, byte[] Key)[] keys) =>
        new(active, keys.ToDictionary(k => k.Id, k => k.Key), HashKey);

    public static PiiKeyRing OnlyK1 => Ring("k1", ("k1", K1));
}
