namespace Waterwheel.WeCom.Simulator.Callbacks;

/// <summary>The console's EncodingAESKey: 43 base64 characters that lack their one '=' and decode to the AES-256 key.</summary>
internal static class SimCallbackKey
{
    public static byte[] Decode(string encodingAesKey)
    {
        if (encodingAesKey.Length != 43)
            throw new ArgumentException($"An EncodingAESKey has 43 characters, not {encodingAesKey.Length}.", nameof(encodingAesKey));
        var key = Convert.FromBase64String(encodingAesKey + "=");
        return key.Length == 32 ? key : throw new ArgumentException("The EncodingAESKey does not decode to 32 bytes.", nameof(encodingAesKey));
    }
}
