using System.Globalization;
using System.Resources;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Profiles.Export;

/// <summary>
/// The customer export's columns and values as an operator reads them in a spreadsheet: headers, genders and stages in
/// the request's language (zh-CN unless English is chosen); times are written by the caller in the tenant's zone.
/// </summary>
internal static class ExportColumns
{
    private static readonly ResourceManager Text = new("Waterwheel.Customers.Resources.ProfileExportText", typeof(ExportColumns).Assembly);

    private static readonly string[] HeaderKeys =
        ["Customer ID", "Customer", "Mobile", "Gender", "Birthday", "Province", "City", "Store", "Guide", "Lifecycle", "Orders", "Spent (CNY)", "First seen", "Last seen", "Dealer's customer"];

    public static string[] Header() => [.. HeaderKeys.Select(Get)];

    public static string SheetName() => Get("Sheet");

    public static string Gender(Gender gender) => Get(gender switch
    {
        Profiles.Gender.Male => "Gender.Male",
        Profiles.Gender.Female => "Gender.Female",
        _ => "Gender.Unknown",
    });

    public static string Stage(LifecycleStage stage) => Get($"Stage.{stage}");

    public static string YesNo(bool value) => Get(value ? "Yes" : "No");

    private static string Get(string key) => Text.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
