using System.Security.Cryptography;
using System.Text;

namespace Waterwheel.Platform.Pii;

/// <summary>
/// HMAC-SHA256 over a normalised value, for equality lookups ("find the staff member with this phone")
/// without storing the value in the clear. Without the key, the 10^11 phone numbers cannot be enumerated.
/// </summary>
public sealed class KeyedHasher(PiiKeyRing keys)
{
    public string Hash(string normalisedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.HashKey, Encoding.UTF8.GetBytes(normalisedValue)));

    public string HashPhone(string phone) => Hash("phone:" + PhoneNumbers.Normalise(phone));

    /// <summary>The last four digits of a phone number, for "ends with" lookups; a prefix keeps it apart from every other hash.</summary>
    public string HashPhoneTail(string lastFour) => Hash("phone-tail:" + lastFour);
}
