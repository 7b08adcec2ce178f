using System.Globalization;
using FluentValidation;

namespace Waterwheel.Platform.Api;

/// <summary>
/// Names and other display text are plain text: no NUL, line breaks or tabs (Cc), and no invisible format characters
/// (Cf) such as the right-to-left override U+202E, which make "gpj.exe" read as "exe.jpg" in a list or an export.
/// </summary>
public static class PlainText
{
    public static bool IsPlain(string? text) =>
        text is null || !text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);

    public static IRuleBuilderOptions<T, string> Plain<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(s => IsPlain(s)).WithMessage(_ => ValidationText.Get("Plain"));
}
