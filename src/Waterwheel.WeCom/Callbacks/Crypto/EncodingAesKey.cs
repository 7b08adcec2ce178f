namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>The 43-character EncodingAESKey from the WeCom console, turned into the AES-256 key and its IV.</summary>
internal static class EncodingAesKey
{
    public static CryptoResult<byte[]> ToKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 } || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
            return CryptoErrorCode.IllegalAesKey;
        Span<byte> key = stackalloc byte[33];
        // The console key is base64 without its single '=' pad.
        if (!Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) || written != 32)
            return CryptoErrorCode.IllegalAesKey;
        return key[..32].ToArray();
    }
}
