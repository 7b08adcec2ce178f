using System.Globalization;

namespace Waterwheel.Platform.Api;

/// <summary>
/// How validation messages name a field: in the operator's language ("'纬度' 必须在 -90 和 90 之间"), not as the
/// C# property ("'Latitude'"). The JSON key in <c>errors</c> stays the camelCase property name.
/// </summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new()
    {
        ["Code"] = ("编码", "Code"),
        ["Name"] = ("名称", "Name"),
        ["OrgUnitId"] = ("所属组织", "Organisation unit"),
        ["ParentId"] = ("上级组织", "Parent unit"),
        ["Kind"] = ("类型", "Kind"),
        ["Province"] = ("省份", "Province"),
        ["City"] = ("城市", "City"),
        ["District"] = ("区县", "District"),
        ["Address"] = ("地址", "Address"),
        ["Latitude"] = ("纬度", "Latitude"),
        ["Longitude"] = ("经度", "Longitude"),
        ["OpeningHours"] = ("营业时间", "Opening hours"),
        ["Phone"] = ("电话", "Phone"),
        ["Mobile"] = ("手机号", "Mobile"),
        ["WeComUserId"] = ("企微账号", "WeCom userid"),
        ["Role"] = ("角色", "Role"),
        ["StoreId"] = ("门店", "Store"),
    };

    public static string? For(string? property)
    {
        if (property is null || !Names.TryGetValue(property, out var name)) return property;
        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? name.Zh : name.En;
    }

    public static void Use() =>
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => For(member?.Name);
}
