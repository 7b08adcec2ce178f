namespace Waterwheel.Platform.Pii;

/// <summary>Mainland China mobile numbers: the one phone format the product validates strictly.</summary>
public static class PhoneNumbers
{
    /// <summary>Drops spaces, dashes and a +86 / 0086 prefix, so that one number has one form.</summary>
    public static string Normalise(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits;
    }

    public static bool IsMainlandMobile(string phone)
    {
        var n = Normalise(phone);
        return n.Length == 11 && n[0] == '1' && n[1] is >= '3' and <= '9';
    }
}
