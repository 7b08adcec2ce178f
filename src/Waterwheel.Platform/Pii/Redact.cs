using System.Text.RegularExpressions;

namespace Waterwheel.Platform.Pii;

/// <summary>
/// Masks personal data inside free text that leaves the system's protected columns: audit lines (an export's filter,
/// a user name typed at sign-in) and log messages. A search by mobile number must not put the number back in clear.
/// </summary>
public static partial class Redact
{
    public static string Phones(string text) =>
        string.IsNullOrEmpty(text) ? text : MainlandMobile().Replace(text, m => Mask.Phone(m.Value));

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? PhonesOrNull(string? text) => text is null ? null : Phones(text);

    // 11 digits starting 1[3-9], in any of the forms PhoneNumbers.Normalise accepts (+86, spaces, dashes).
    [GeneratedRegex(@"(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9](?:[\s-]?\d){9}(?!\d)")]
    private static partial Regex MainlandMobile();
}
