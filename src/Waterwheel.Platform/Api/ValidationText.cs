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
}
