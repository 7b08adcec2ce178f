using System.Text.Json.Nodes;
using Waterwheel.Customers.Identity;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// The identifiers a tracking call names: its userId and anonymousId, a phone and email among the traits, and
/// <c>context.externalIds</c> typed by the names below (unknown types are ignored, not guessed at).
/// </summary>
internal static class TrackingIdentifiers
{
    private static readonly Dictionary<string, IdentityType> ExternalTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wecom_external_userid"] = IdentityType.WeComExternalUserId,
        ["external_userid"] = IdentityType.WeComExternalUserId,
        ["unionid"] = IdentityType.UnionId,
        ["union_id"] = IdentityType.UnionId,
        ["official_account_openid"] = IdentityType.OfficialAccountOpenId,
        ["mp_openid"] = IdentityType.OfficialAccountOpenId,
        ["mini_program_openid"] = IdentityType.MiniProgramOpenId,
        ["miniprogram_openid"] = IdentityType.MiniProgramOpenId,
        ["phone"] = IdentityType.Phone,
        ["email"] = IdentityType.Email,
        ["taobao_buyer_id"] = IdentityType.TaobaoBuyerId,
        ["tmall_buyer_id"] = IdentityType.TaobaoBuyerId,
        ["jd_pin"] = IdentityType.JdPin,
        ["douyin_open_id"] = IdentityType.DouyinOpenId,
        ["douyin_openid"] = IdentityType.DouyinOpenId,
        ["pos_member_number"] = IdentityType.PosMemberNumber,
        ["device_id"] = IdentityType.DeviceId,
    };

    public static List<IdentifierClaim> Of(TrackingMessage message)
    {
        var claims = new List<IdentifierClaim>();
        if (message.UserId is { } user) claims.Add(new(IdentityType.UserId, user));
        if (message.AnonymousId is { } anonymous) claims.Add(new(IdentityType.AnonymousId, anonymous));
        if ((Trait(message.Traits, "phone") ?? Trait(message.Traits, "mobile")) is { } phone) claims.Add(new(IdentityType.Phone, phone));
        if (Trait(message.Traits, "email") is { } email) claims.Add(new(IdentityType.Email, email));
        foreach (var external in message.ExternalIds)
            if (ExternalTypes.TryGetValue(external.Type, out var type)) claims.Add(new(type, external.Id));
        return claims;
    }

    public static string? Trait(JsonObject? traits, string name) =>
        traits?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
