using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.WeCom.Simulator.Callbacks;

/// <summary>
/// WeCom's side of the callback crypto (page 91144), written apart from the receiver's on purpose: were the
/// simulator to borrow the receiver's code, a mistake in it would encrypt and decrypt alike and cancel itself out.
/// Only the official vectors and the wire are shared. Plaintext: random(16) ‖ msg_len (big-endian) ‖ msg ‖ receiveid,
/// PKCS#7-padded to 32 bytes, AES-256-CBC with the key's first 16 bytes as IV, base64.
/// </summary>
public sealed class SimCallbackCrypto
{
    private const int Block = 32;
    private readonly string _token;
    private readonly string _receiveId;
    private readonly byte[] _key;
    private readonly Func<byte[]> _random16;

    /// <param name="random16">The 16-byte prefix; tests fix it to reproduce the official ciphertexts byte for byte.</param>
    public SimCallbackCrypto(string token, string encodingAesKey, string receiveId, Func<byte[]>? random16 = null)
    {
        _token = token;
        _receiveId = receiveId;
        _key = SimCallbackKey.Decode(encodingAesKey);
        _random16 = random16 ?? (() => RandomNumberGenerator.GetBytes(16));
    }

    internal ReadOnlySpan<byte> Key => _key;

    public string Encrypt(string message)
    {
        var random = _random16();
        if (random.Length != 16) throw new InvalidOperationException("The random prefix must be 16 bytes.");
        var msg = Encoding.UTF8.GetBytes(message);
        using var plain = new MemoryStream();
        plain.Write(random);
        plain.Write([(byte)(msg.Length >> 24), (byte)(msg.Length >> 16), (byte)(msg.Length >> 8), (byte)msg.Length]);
        plain.Write(msg);
        plain.Write(Encoding.UTF8.GetBytes(_receiveId));
        var pad = Block - (int)(plain.Length % Block);
        for (var i = 0; i < pad; i++) plain.WriteByte((byte)pad);

        using var aes = NewAes();
        using var encryptor = aes.CreateEncryptor();
        var bytes = plain.ToArray();
        return Convert.ToBase64String(encryptor.TransformFinalBlock(bytes, 0, bytes.Length));
    }

    /// <summary>sha1 over the four strings sorted in byte order and joined, as lowercase hex.</summary>
    public string Signature(string timestamp, string nonce, string encrypt)
    {
        var parts = new List<string> { _token, timestamp, nonce, encrypt };
        parts.Sort(string.CompareOrdinal);
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("", parts)));
        var hex = new StringBuilder(40);
        foreach (var b in digest) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>What WeCom POSTs for one event: the signed query and the envelope addressed to the corp.</summary>
    public SimSealedCallback Seal(string message, string timestamp, string nonce, string agentId = "")
    {
        var encrypt = Encrypt(message);
        var body = $"<xml><ToUserName><![CDATA[{_receiveId}]]></ToUserName><AgentID><![CDATA[{agentId}]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return new SimSealedCallback(Signature(timestamp, nonce, encrypt), timestamp, nonce, encrypt, body);
    }

    /// <summary>Checks the signature, decrypts and checks the receiveid; a failure names its reason.</summary>
    public SimOpened Open(string? signature, string timestamp, string nonce, string encrypt)
    {
        if (!string.Equals(signature, Signature(timestamp, nonce, encrypt), StringComparison.OrdinalIgnoreCase)) return SimOpened.Failed("signature");
        byte[] cipher;
        try { cipher = Convert.FromBase64String(encrypt); }
        catch (FormatException) { return SimOpened.Failed("base64"); }
        if (cipher.Length == 0 || cipher.Length % 16 != 0) return SimOpened.Failed("length");

        using var aes = NewAes();
        using var decryptor = aes.CreateDecryptor();
        var plain = decryptor.TransformFinalBlock(cipher, 0, cipher.Length);
        int pad = plain[^1];
        if (pad < 1 || pad > Block || pad > plain.Length || plain.Skip(plain.Length - pad).Any(b => b != pad)) return SimOpened.Failed("padding");
        var content = plain.Length - pad;
        if (content < 20) return SimOpened.Failed("length");
        var msgLength = (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19];
        if (msgLength < 0 || 20 + msgLength > content) return SimOpened.Failed("length");
        var receiveId = Encoding.UTF8.GetString(plain, 20 + msgLength, content - 20 - msgLength);
        if (receiveId != _receiveId) return SimOpened.Failed("receiveid");
        return new SimOpened(Encoding.UTF8.GetString(plain, 20, msgLength), null);
    }

    private Aes NewAes()
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None; // WeCom pads to 32 bytes; .NET's PKCS7 only knows the 16-byte AES block.
        aes.Key = _key;
        aes.IV = _key[..16];
        return aes;
    }
}

/// <summary>An encrypted callback ready to POST: its query parameters and XML body.</summary>
public sealed record SimSealedCallback(string MsgSignature, string Timestamp, string Nonce, string Encrypt, string Body)
{
    public string QueryString =>
        $"?msg_signature={Uri.EscapeDataString(MsgSignature)}&timestamp={Uri.EscapeDataString(Timestamp)}&nonce={Uri.EscapeDataString(Nonce)}";
}

/// <summary>A decrypted message, or why it could not be opened.</summary>
public sealed record SimOpened(string? Message, string? Failure)
{
    public bool Ok => Failure is null;

    internal static SimOpened Failed(string reason) => new(null, reason);
}
