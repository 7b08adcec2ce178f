using System.Globalization;
using System.Resources;

namespace Waterwheel.Customers;

/// <summary>
/// The module's messages to operators in the caller's UI culture (zh-CN by default in the console); English is the
/// neutral resource. Codes stay as they are: clients branch on them, people read these.
/// </summary>
internal static class CustomersText
{
    private static readonly ResourceManager Resources = new("Waterwheel.Customers.Resources.CustomersText", typeof(CustomersText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
