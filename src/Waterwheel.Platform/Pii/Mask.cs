namespace Waterwheel.Platform.Pii;

/// <summary>How personal data looks in lists: enough to recognise, not enough to use.</summary>
public static class Mask
{
    /// <summary>13812341234 → 138****1234; short values keep only their last two characters.</summary>
    public static string Phone(string phone)
    {
        var n = PhoneNumbers.Normalise(phone);
        if (n.Length >= 11) return n[..3] + "****" + n[^4..];
        return n.Length <= 2 ? new string('*', n.Length) : new string('*', n.Length - 2) + n[^2..];
    }

    /// <summary>
    /// A credential shown only so that its owner can recognise it: a fixed run of stars (the length would be a hint)
    /// and, for values long enough to spare them, the last two characters.
    /// </summary>
    public static string Secret(string secret) => secret.Length switch
    {
        0 => "",
        < 8 => "********",
        _ => "********" + secret[^2..],
    };

    /// <summary>张三丰 → 张**; Anna → A***.</summary>
    public static string Name(string name)
    {
        var text = name.Trim();
        if (text.Length <= 1) return text.Length == 0 ? "" : "*";
        var first = char.IsSurrogate(text[0]) ? text[..2] : text[..1];
        return first + new string('*', System.Globalization.StringInfo.ParseCombiningCharacters(text).Length - 1);
    }
}
