using System.Globalization;
using System.Resources;

namespace Waterwheel.Platform.Api;

/// <summary>
/// The platform's own validation messages in the caller's UI culture (the console's language, zh-CN by default), for
/// rules FluentValidation has no built-in translation of. Keys are short names; the English text is the neutral resource.
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Resources = new("Waterwheel.Platform.Resources.ValidationText", typeof(ValidationText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);

    /// <summary>
    /// What a "not found" names (Customer, Store, …) in the caller's language; a name without a translation stays as
    /// the caller wrote it, so a new one reads in English until it is added rather than as a resource key.
    /// </summary>
    public static string Name(string what) => Resources.GetString($"Name.{what}", CultureInfo.CurrentUICulture) ?? what;
}
