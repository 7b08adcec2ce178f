using System.Globalization;
using System.Resources;

namespace Waterwheel.WeCom.Lists;

/// <summary>The words of the WeCom lists' exports (headers, statuses, kinds) in the reader's language.</summary>
internal static class ListText
{
    private static readonly ResourceManager Resources = new("Waterwheel.WeCom.Resources.ListText", typeof(ListText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static ExportSheet Sheet(string what, params string[] columns) => new(what, Get($"Sheet.{what}"), [.. columns.Select(c => Get($"Col.{c}"))]);

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Get($"{typeof(TEnum).Name}.{value}");
}
