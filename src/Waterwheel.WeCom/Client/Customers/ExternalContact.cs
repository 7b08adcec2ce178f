using System.Text.Json;

namespace Waterwheel.WeCom.Client;

/// <summary>A customer as WeCom describes them; external_profile stays raw JSON because its shape has changed before.</summary>
public sealed class ExternalContact
{
    public string ExternalUserid { get; init; } = "";
    public string? Name { get; init; }
    public string? Position { get; init; }
    public string? Avatar { get; init; }
    public string? CorpName { get; init; }
    public string? CorpFullName { get; init; }
    /// <summary>1 WeChat user, 2 WeCom user.</summary>
    public int Type { get; init; }
    public int Gender { get; init; }
    public string? Unionid { get; init; }
    public JsonElement? ExternalProfile { get; init; }
}

/// <summary>
/// add_way values: 0 unknown, 1 QR, 2 mobile, 3 card, 4 group, 5 phone book, 6 WeChat contact, 7 friend request,
/// 8 third-party, 9 email, 201 shared, 202 assigned. Kept as an int because WeCom adds new ones.
/// </summary>
public static class AddWays
{
    public const int Unknown = 0, QrCode = 1, Mobile = 2, Card = 3, Group = 4, Assigned = 202;
}
