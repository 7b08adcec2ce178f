using SkiaSharp;

namespace Waterwheel.Acquisition.Posters;

/// <summary>
/// The typeface a caption is drawn in. Captions are usually Chinese, and Skia's default face has no CJK glyphs, so the
/// system's fonts are asked (through fontconfig) for one that has the caption's characters. A machine without a CJK
/// font (Debian: fonts-noto-cjk) gets none, and the caption is refused with a message that says so, rather than
/// printed as empty boxes on a thousand posters.
/// </summary>
internal static class PosterFont
{
    public static SKTypeface? For(string text)
    {
        if (text.Length == 0) return SKTypeface.Default;
        if (Covers(SKTypeface.Default, text)) return SKTypeface.Default;
        // The first character the default face lacks names the script to look for; '中' when it is a CJK one.
        var missing = text.EnumerateRunes().First(r => !Covers(SKTypeface.Default, r.ToString()));
        var face = SKFontManager.Default.MatchCharacter(missing.Value);
        return face is not null && Covers(face, text) ? face : null;
    }

    private static bool Covers(SKTypeface face, string text)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyphs(text.Replace(" ", "", StringComparison.Ordinal));
    }
}
