using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Identity;

/// <summary>
/// One identifier of one profile. <see cref="Key"/> is what lookups match: the value itself, or for personal data a
/// keyed hash of the normalised value, whose clear text is kept only encrypted in <see cref="Cipher"/>.
/// </summary>
internal sealed class CustomerIdentity : IProfileRow
{
    public const int KeyLength = 128;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; set; }
    public IdentityType Type { get; init; }
    public required string Key { get; init; }
    public string? Cipher { get; init; }

    /// <summary>
    /// For a phone, a keyed hash of its last four digits: a guide at the counter asks "尾号 5678", and the lookup needs
    /// neither the number in clear nor a scan that decrypts every phone.
    /// </summary>
    public string? Hint { get; init; }

    /// <summary>Where the identifier came from (wecom, import, a write key's source), for the 360 page and merge decisions.</summary>
    public required string Source { get; init; }

    public DateTime LinkedAt { get; init; }
}
