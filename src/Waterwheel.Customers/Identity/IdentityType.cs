namespace Waterwheel.Customers.Identity;

/// <summary>The kinds of identifier a person is known by. Stored by name: the numbers may be reordered, the names not.</summary>
public enum IdentityType
{
    WeComExternalUserId,
    UnionId,
    OfficialAccountOpenId,
    MiniProgramOpenId,
    Phone,
    Email,
    TaobaoBuyerId,
    JdPin,
    DouyinOpenId,
    PosMemberNumber,
    DeviceId,
    AnonymousId,
    UserId,
}

public static class IdentityTypes
{
    /// <summary>Values that identify a person directly: encrypted at rest, found through a keyed hash, masked in lists.</summary>
    public static bool IsPersonalData(this IdentityType type) => type is IdentityType.Phone or IdentityType.Email;
}
