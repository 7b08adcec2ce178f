using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Staff;

internal static class StaffMobile
{
    /// <summary>Keeps the three forms of the number together: encrypted, lookup hash, masked.</summary>
    public static void Set(StaffMember staff, string mobile, FieldEncryptor encryptor, KeyedHasher hasher)
    {
        var normalised = PhoneNumbers.Normalise(mobile);
        staff.MobileCipher = encryptor.Encrypt(normalised);
        staff.MobileHash = hasher.HashPhone(normalised);
        staff.MobileMasked = Mask.Phone(normalised);
        staff.MobileTailHash = hasher.HashPhoneTail(normalised[^4..]);
    }
}
