using System.Globalization;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Profiles.Export;

/// <summary>
/// The customer export's columns and values as a Chinese operator reads them in a spreadsheet: zh-CN headers, genders
/// and stages in words, times in Beijing time as <c>yyyy-MM-dd HH:mm</c>.
/// </summary>
internal static class ExportColumns
{
    public static readonly string[] Header =
        ["客户ID", "客户", "手机", "性别", "生日", "省份", "城市", "门店", "导购", "生命周期", "订单数", "消费金额(元)", "首次出现", "最近出现", "经销商客户"];

    // Mainland China has kept UTC+8 without daylight saving since 1991, so a fixed offset is Asia/Shanghai for every
    // time we hold, and needs no time-zone database on the server.
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Time(DateTime utc) =>
        utc == default ? "" : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Gender(Gender gender) => gender switch
    {
        Profiles.Gender.Male => "男",
        Profiles.Gender.Female => "女",
        _ => "未知",
    };

    public static string Stage(LifecycleStage stage) => stage switch
    {
        LifecycleStage.New => "新客",
        LifecycleStage.Active => "活跃",
        LifecycleStage.AtRisk => "沉睡预警",
        LifecycleStage.Dormant => "沉睡",
        _ => "流失",
    };

    public static string YesNo(bool value) => value ? "是" : "否";
}
