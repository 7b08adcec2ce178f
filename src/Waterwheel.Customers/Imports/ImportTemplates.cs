using Waterwheel.Customers.Identity;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// How one kind of file maps to fields: for each field, the header names it goes by (the first one the file has wins).
/// <see cref="Channel"/> names where the orders come from; an order number is unique within its channel only.
/// </summary>
public sealed record ImportTemplateView(
    string Key, string Name, ImportKind Kind, string Channel, IdentityType? BuyerIdType,
    IReadOnlyDictionary<ImportField, string[]> Columns, bool BuiltIn, int Version = 0);

/// <summary>
/// The order exports of the platforms brands sell on, as their back offices write them (Tmall/Taobao 千牛 and
/// 生意参谋, JD 商家后台, Douyin 抖店), a till's export, and a plain customer list. Platforms rename a column now and then,
/// so a field may go by several names.
/// </summary>
internal static class BuiltInTemplates
{
    public static readonly IReadOnlyList<ImportTemplateView> All =
    [
        new("tmall", "天猫/淘宝订单导出", ImportKind.Orders, "tmall", IdentityType.TaobaoBuyerId, new Dictionary<ImportField, string[]>
        {
            [ImportField.OrderNumber] = ["订单编号", "订单号"],
            [ImportField.BuyerId] = ["买家会员名", "买家昵称"],
            [ImportField.Amount] = ["买家实际支付金额", "实付款", "总金额"],
            [ImportField.OrderedAt] = ["订单创建时间", "创建时间"],
            [ImportField.PaidAt] = ["订单付款时间", "付款时间"],
            [ImportField.Name] = ["收货人姓名"],
            [ImportField.Phone] = ["联系手机", "收货人手机"],
            [ImportField.OrderStatus] = ["订单状态"],
            [ImportField.Product] = ["宝贝标题", "商品标题"],
        }, true),
        new("jd", "京东订单导出", ImportKind.Orders, "jd", IdentityType.JdPin, new Dictionary<ImportField, string[]>
        {
            [ImportField.OrderNumber] = ["订单号"],
            [ImportField.BuyerId] = ["下单帐号", "下单账号", "京东账号", "京东账号(PIN)", "用户PIN"],
            [ImportField.Amount] = ["应付金额", "订单金额"],
            [ImportField.OrderedAt] = ["下单时间"],
            [ImportField.PaidAt] = ["付款确认时间", "付款时间"],
            [ImportField.Name] = ["客户姓名", "收货人"],
            [ImportField.Phone] = ["联系电话", "收货人手机"],
            [ImportField.OrderStatus] = ["订单状态"],
            [ImportField.Product] = ["商品名称"],
        }, true),
        new("douyin", "抖音小店订单导出", ImportKind.Orders, "douyin", IdentityType.DouyinOpenId, new Dictionary<ImportField, string[]>
        {
            [ImportField.OrderNumber] = ["主订单编号", "订单编号"],
            [ImportField.BuyerId] = ["抖音用户ID", "用户ID"],
            [ImportField.Amount] = ["订单应付金额", "应付金额"],
            [ImportField.OrderedAt] = ["订单提交时间", "下单时间"],
            [ImportField.PaidAt] = ["支付完成时间"],
            // A nickname is not an identifier (many buyers share one), but it is better than no name.
            [ImportField.Name] = ["收件人", "买家昵称"],
            [ImportField.Phone] = ["收件人手机号", "收件人电话"],
            [ImportField.OrderStatus] = ["订单状态"],
            [ImportField.Product] = ["选购商品", "商品名称"],
        }, true),
        new("pos", "门店收银 (POS) 导出", ImportKind.Orders, "pos", IdentityType.PosMemberNumber, new Dictionary<ImportField, string[]>
        {
            [ImportField.OrderNumber] = ["单号", "小票号"],
            [ImportField.BuyerId] = ["会员卡号", "会员号"],
            [ImportField.Amount] = ["金额", "实收金额"],
            [ImportField.OrderedAt] = ["时间", "交易时间"],
            [ImportField.Name] = ["姓名", "会员姓名"],
            [ImportField.Phone] = ["手机号", "会员手机"],
            [ImportField.Product] = ["商品"],
        }, true),
        new("customers", "客户名单", ImportKind.Customers, "list", IdentityType.PosMemberNumber, new Dictionary<ImportField, string[]>
        {
            [ImportField.Name] = ["姓名", "客户姓名"],
            [ImportField.Phone] = ["手机号", "手机", "手机号码"],
            [ImportField.Email] = ["邮箱", "电子邮箱"],
            [ImportField.Gender] = ["性别"],
            [ImportField.BuyerId] = ["会员卡号", "会员号"],
            [ImportField.SmsConsent] = ["短信营销同意", "接收短信"],
            [ImportField.EmailConsent] = ["邮件营销同意", "接收邮件"],
            [ImportField.WeComConsent] = ["企业微信营销同意", "接收企微消息"],
        }, true),
    ];

    public static ImportTemplateView? Find(string key) => All.FirstOrDefault(t => t.Key == key);
}

/// <summary>Which fields a row of each kind cannot do without, and how a template meets a file's header.</summary>
internal static class ImportMappings
{
    public static IReadOnlyList<ImportField> Required(ImportKind kind) => kind == ImportKind.Orders
        ? [ImportField.OrderNumber, ImportField.Amount, ImportField.OrderedAt]
        : [];

    /// <summary>The fields a person is recognised by; a row needs one of them.</summary>
    public static IReadOnlyList<ImportField> Identifying(ImportKind kind) => kind == ImportKind.Orders
        ? [ImportField.BuyerId, ImportField.Phone]
        : [ImportField.Phone, ImportField.Email, ImportField.BuyerId];

    /// <summary>
    /// For each field, the first of the template's names found in the header (compared after trimming: exports pad
    /// headers with spaces and tabs). The wizard may override any of them.
    /// </summary>
    public static Dictionary<ImportField, string> Match(ImportTemplateView template, IReadOnlyList<string> header)
    {
        var present = header.Select(h => h.Trim()).ToHashSet(StringComparer.Ordinal);
        var mapping = new Dictionary<ImportField, string>();
        foreach (var (field, names) in template.Columns)
            if (names.Select(n => n.Trim()).FirstOrDefault(present.Contains) is { } column) mapping[field] = column;
        return mapping;
    }

    /// <summary>What a mapping still lacks before a file can be validated: required fields, and at least one identifying field.</summary>
    public static List<string> Missing(ImportKind kind, IReadOnlyDictionary<ImportField, string> mapping)
    {
        var missing = Required(kind).Where(f => !mapping.ContainsKey(f)).Select(f => f.ToString()).ToList();
        if (!Identifying(kind).Any(mapping.ContainsKey)) missing.Add(string.Join("|", Identifying(kind)));
        return missing;
    }
}
