using System.Text.RegularExpressions;

namespace Waterwheel.Platform.Stores;

/// <summary>What a store's phone and opening hours may be: what a customer can dial, and times a clock can show.</summary>
internal static partial class StoreFields
{
    /// <summary>Empty, or HH:mm-HH:mm with real times; 24:00 may end a day, and a late shift may end after midnight (22:00-02:00).</summary>
    public static bool IsOpeningHours(string? hours)
    {
        if (string.IsNullOrEmpty(hours)) return true;
        var match = Hours().Match(hours);
        if (!match.Success) return false;
        var (open, close) = (Minutes(match.Groups[1].Value, match.Groups[2].Value), Minutes(match.Groups[3].Value, match.Groups[4].Value));
        return open is >= 0 and < 24 * 60 && close is >= 0 and <= 24 * 60 && open != close;
    }

    /// <summary>Empty, or a number to dial: digits with the usual separators (021-6288 1234, (021) 62881234, +86 138…), 7 to 15 digits.</summary>
    public static bool IsPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return true;
        var digits = phone.Count(char.IsAsciiDigit);
        return Phone().IsMatch(phone) && digits is >= 7 and <= 15;
    }

    private static int Minutes(string hours, string minutes)
    {
        var (h, m) = (int.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture));
        return m > 59 || (h == 24 && m != 0) ? -1 : h * 60 + m;
    }

    [GeneratedRegex(@"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")]
    private static partial Regex Hours();

    [GeneratedRegex(@"^\+?[0-9()][0-9 ()\-]*[0-9]$")]
    private static partial Regex Phone();
}
