using Waterwheel.Platform.Pii;

namespace Waterwheel.Customers.Identity;

/// <summary>The stored form of an identifier: its lookup key, and for personal data the encrypted clear text.</summary>
internal sealed class IdentityKeys(KeyedHasher hasher, FieldEncryptor encryptor)
{
    /// <summary>Typed so that one phone number hashed for staff and for customers gives unrelated keys.</summary>
    public string Key(IdentityType type, string normalised) =>
        type.IsPersonalData() ? hasher.Hash($"customer-{type}:{normalised}") : normalised;

    public string? Cipher(IdentityType type, string normalised) => type.IsPersonalData() ? encryptor.Encrypt(normalised) : null;

    public string? Hint(IdentityType type, string normalised) =>
        type == IdentityType.Phone && normalised.Length >= 4 ? LastFour(normalised[^4..]) : null;

    /// <summary>The hint of a phone's last four digits, as a search for them computes it.</summary>
    public string LastFour(string digits) => hasher.Hash($"customer-phone-last4:{digits}");

    public string Reveal(CustomerIdentity identity) => identity.Cipher is { } cipher ? encryptor.Decrypt(cipher) : identity.Key;
}
