namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>
/// PKCS#7 padding to a 32-byte block, as WeCom does. .NET's PaddingMode.PKCS7 only accepts pad values up to the
/// 16-byte AES block, so a pad of 17–32 (e.g. the official POST vector's 30) would be rejected by it.
/// </summary>
internal static class Pkcs7Block32
{
    public const int BlockSize = 32;

    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var pad = BlockSize - data.Length % BlockSize;
        var padded = new byte[data.Length + pad];
        data.CopyTo(padded);
        padded.AsSpan(data.Length).Fill((byte)pad);
        return padded;
    }

    /// <summary>The length of the data without its padding, or -1 if the padding is malformed.</summary>
    public static int UnpaddedLength(ReadOnlySpan<byte> padded)
    {
        if (padded.IsEmpty) return -1;
        int pad = padded[^1];
        if (pad is < 1 or > BlockSize || pad > padded.Length) return -1;
        foreach (var b in padded[^pad..])
            if (b != pad) return -1;
        return padded.Length - pad;
    }
}
