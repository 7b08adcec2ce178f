using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.Platform.Pii;

/// <summary>
/// AES-256-GCM for single fields. The stored form is <c>v1:{keyId}:{base64(nonce‖tag‖ciphertext)}</c>, so the
/// key that wrote a value is known when it is read back after a rotation.
/// </summary>
public sealed class FieldEncryptor(PiiKeyRing keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[NonceSize + TagSize + plain.Length];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.ActiveKey, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), Aad(keys.ActiveKeyId));
        return $"v1:{keys.ActiveKeyId}:{Convert.ToBase64String(blob)}";
    }

    public string Decrypt(string stored)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1") throw new CryptographicException("Not an encrypted field value.");
        var key = keys.Find(parts[1]) ?? throw new CryptographicException($"Encryption key '{parts[1]}' is not in the key ring.");
        var blob = Convert.FromBase64String(parts[2]);
        if (blob.Length < NonceSize + TagSize) throw new CryptographicException("Encrypted field value is truncated.");
        var plain = new byte[blob.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), plain, Aad(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    // Binding the key id into the tag stops a value from being relabelled with another key id.
    private static byte[] Aad(string keyId) => Encoding.UTF8.GetBytes("waterwheel-field:" + keyId);
}
