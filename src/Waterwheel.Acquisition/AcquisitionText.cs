using System.Globalization;
using System.Resources;

namespace Waterwheel.Acquisition;

/// <summary>The module's words in the caller's UI culture (zh-CN by default in the console); English is the neutral resource.</summary>
internal static class AcquisitionText
{
    private static readonly ResourceManager Resources = new("Waterwheel.Acquisition.Resources.AcquisitionText", typeof(AcquisitionText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
