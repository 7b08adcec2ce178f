using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Tests.Support;

/// <summary>The built-in fields plus one custom attribute of each kind, and a handful of tags, one of them nameless.</summary>
internal static class TestFields
{
    public static readonly Guid Lost = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public static readonly Guid Vip = Guid.Parse("0199a000-0000-7000-8000-000000000002");
    public static readonly Guid FromLiveCode = Guid.Parse("0199a000-0000-7000-8000-000000000003");
    public static readonly Guid Baker = Guid.Parse("0199a000-0000-7000-8000-000000000004");
    public static readonly Guid Quoted = Guid.Parse("0199a000-0000-7000-8000-000000000005");
    public static readonly Guid Nameless = Guid.Parse("0199a000-0000-7000-8000-000000000006");

    public static readonly Guid[] Tags = [Lost, Vip, FromLiveCode, Baker, Quoted, Nameless];

    public static readonly TagDirectory TagNames = new(new Dictionary<string, Guid>
    {
        ["已流失"] = Lost, ["VIP"] = Vip, ["渠道:活码"] = FromLiveCode, ["烘焙爱好者"] = Baker, ["say \"hi\" \\ bye"] = Quoted,
    });

    public static FieldCatalog Catalog()
    {
        var catalog = new FieldCatalog();
        catalog.AddCustom("member_level", "会员等级", CustomAttributeType.Enum);
        catalog.AddCustom("skin_type", "肤质", CustomAttributeType.String);
        catalog.AddCustom("pets", "宠物数", CustomAttributeType.Number);
        catalog.AddCustom("height_m", "身高", CustomAttributeType.Decimal);
        catalog.AddCustom("joined_on", "入会日期", CustomAttributeType.Date);
        catalog.AddCustom("newsletter", "订阅周刊", CustomAttributeType.Bool);
        return catalog;
    }

    public static readonly DateOnly Today = new(2026, 11, 30);
}
