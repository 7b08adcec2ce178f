namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>A valid request body for each write endpoint, valid for the acting tenant's <see cref="TenantWorld"/>.</summary>
public sealed class ValidBodies(TenantWorld actor)
{
    public object? For(ApiEndpoint endpoint) => endpoint.ToString() switch
    {
        "POST /api/session" => new { userName = "nobody", password = "wrong-password" },
        "POST /api/platform/org-units" => new { parentId = actor.HeadOffice, kind = "Region", name = "New region", code = Arrange.NewCode("NR") },
        "PUT /api/platform/org-units/{id}" => new { parentId = actor.HeadOffice, kind = "Region", name = "Renamed unit", code = Arrange.NewCode("RU"), isActive = true },
        "POST /api/platform/stores" => Arrange.StoreBody(actor.Region, "New store"),
        "PUT /api/platform/stores/{id}" => Arrange.StoreBody(actor.Region, "Renamed store"),
        "POST /api/platform/stores/{id}/status" => new { status = "Closed" },
        "POST /api/platform/staff" => new { name = "New guide", mobile = Arrange.NewMobile(), role = "Guide", storeId = actor.Store1 },
        "PUT /api/platform/staff/{id}" => new { name = "Renamed guide", role = "Guide", storeId = actor.Store1 },
        "POST /api/platform/staff/{id}/account" => new { userName = Arrange.NewCode("intruder"), password = Arrange.StaffPassword },
        "POST /api/platform/api-keys" => new { name = "New key", permissions = new[] { "org.read" } },
        "PUT /api/platform/org-units/{id}/customer-sharing" => new { share = true },
        "PUT /api/platform/tenant/time-zone" => new { timeZone = "Asia/Shanghai" },
        "POST /api/customers/sources" => new { name = "New source" },
        "POST /api/customers/identifier-marks" => new { type = "DeviceId", value = Arrange.NewCode("tablet"), kind = "Blocked" },
        "PUT /api/customers/identity-rules/{type}" => new { maxPerProfile = 5, priority = 1, mayMerge = true },
        "PATCH /api/customers/profiles/{id}" => new { city = "杭州市" },
        "POST /api/customers/profiles/{id}/consents" => new { channel = "Sms", granted = true, note = "intruder" },
        "POST /api/customers/imports/{id}/mapping" => new { template = "pos" },
        "POST /api/customers/imports/{id}/commit" => new { mode = "SkipInvalid" },
        "PUT /api/customers/imports/templates/{id}" => new
        {
            name = "Renamed template", kind = "Orders", channel = "pos", buyerIdType = "PosMemberNumber",
            columns = new Dictionary<string, string> { ["OrderNumber"] = "单号", ["BuyerId"] = "会员卡号", ["Amount"] = "金额", ["OrderedAt"] = "时间" },
        },
        "PUT /api/audiences/tag-groups/{id}" => new { name = "Renamed group", multiValued = true },
        "PUT /api/audiences/tags/{id}" => new { groupId = actor.Audiences.TagGroup, name = "Renamed tag" },
        "POST /api/audiences/tags/{id}/bulk" => new { text = "lifecycle_stage is set" },
        "POST /api/audiences/tags/{id}/upload" => new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("手机号\n13800000000\n")), "file", "list.csv" },
        },
        "POST /api/audiences/profiles/{id}/tags" => new { tagId = actor.Audiences.Tag },
        "POST /api/audiences/profiles/{id}/tags/removal" => new { tagId = actor.Audiences.Tag },
        "PUT /api/audiences/segments/{id}" => new { name = "Renamed segment", text = "lifecycle_stage is set" },
        "POST /api/acquisition/channels" => new { name = Arrange.NewCode("channel"), kind = "Poster", cost = 10m },
        "PUT /api/acquisition/channels/{id}" => new { name = Arrange.NewCode("renamed"), kind = "Poster", cost = 20m },
        "POST /api/acquisition/codes" or "PUT /api/acquisition/codes/{id}" => new
        {
            channelId = actor.Acquisition.Channel, name = "Renamed code", pool = new[] { new { staffId = actor.Guide1a } },
        },
        "POST /api/acquisition/group-codes" or "PUT /api/acquisition/group-codes/{id}" => new
        {
            channelId = actor.Acquisition.Channel, name = "Renamed group code", chatIds = new[] { "wr-intruder" }, cap = 100,
        },
        "POST /api/acquisition/codes/{id}/cards" => new { channel = "tmall", orderNumbers = new[] { "T-intruder-1" } },
        "PUT /api/acquisition/codes/{id}/poster/layout" => new { qrX = 0.3, qrY = 0.6, qrSize = 0.3, caption = "intruder" },
        "PUT /api/acquisition/codes/{id}/poster/background" => new MultipartFormDataContent
        {
            // A real 1×1 PNG: the endpoint would take it, were the code the caller's.
            { new ByteArrayContent(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")), "file", "poster.png" },
        },
        "POST /api/wecom/connection/test" => new { },
        "POST /api/wecom/sync/customers" => new { },
        "POST /api/wecom/relation-alerts/{id}/handle" => new { note = "intruder" },
        "PUT /api/wecom/connection" => new
        {
            corpId = "ww" + Arrange.NewCode("corp").Replace("-", ""), secret = "s3cret", callbackToken = "Token123",
            encodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", welcomeText = "欢迎",
        },
        _ => null,
    };
}
