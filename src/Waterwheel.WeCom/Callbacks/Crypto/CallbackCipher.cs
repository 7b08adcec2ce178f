using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>
/// AES-256-CBC over random(16) ‖ msg_len (4 bytes, big-endian) ‖ msg ‖ receiveid, padded to 32-byte blocks.
/// The IV is the first 16 bytes of the key, as WeCom fixes it.
/// </summary>
internal sealed class CallbackCipher(byte[] key)
{
    public const int RandomLength = 16;
    private const int HeaderLength = RandomLength + 4;

    public string Encrypt(ReadOnlySpan<byte> random16, string message, string receiveId)
    {
        if (random16.Length != RandomLength) throw new ArgumentException("Exactly 16 random bytes are needed.", nameof(random16));
        var msg = Encoding.UTF8.GetBytes(message);
        var rid = Encoding.UTF8.GetBytes(receiveId);
        var plain = new byte[HeaderLength + msg.Length + rid.Length];
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength, 4), msg.Length);
        msg.CopyTo(plain.AsSpan(HeaderLength));
        rid.CopyTo(plain.AsSpan(HeaderLength + msg.Length));

        using var aes = Aes.Create();
        aes.Key = key;
        var cipher = aes.EncryptCbc(Pkcs7Block32.Pad(plain), key.AsSpan(0, 16), PaddingMode.None);
        return Convert.ToBase64String(cipher);
    }

    public CryptoResult<DecryptedPayload> Decrypt(string encrypt)
    {
        byte[] cipher;
        try { cipher = Convert.FromBase64String(encrypt); }
        catch (FormatException) { return CryptoErrorCode.DecodeBase64; }
        if (cipher.Length == 0 || cipher.Length % 16 != 0) return CryptoErrorCode.DecryptAes;

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        }
        var length = Pkcs7Block32.UnpaddedLength(plain);
        if (length < HeaderLength) return CryptoErrorCode.DecryptAes;
        var msgLength = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(RandomLength, 4));
        if (msgLength < 0 || msgLength > length - HeaderLength) return CryptoErrorCode.DecryptAes;

        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            var message = strict.GetString(plain, HeaderLength, msgLength);
            var receiveId = strict.GetString(plain, HeaderLength + msgLength, length - HeaderLength - msgLength);
            return new DecryptedPayload(plain.AsSpan(0, RandomLength).ToArray(), message, receiveId);
        }
        catch (DecoderFallbackException) { return CryptoErrorCode.DecryptAes; }
    }
}

/// <summary>What a ciphertext carries; the random prefix is kept so tests can re-encrypt byte for byte.</summary>
internal sealed record DecryptedPayload(byte[] Random, string Message, string ReceiveId);
