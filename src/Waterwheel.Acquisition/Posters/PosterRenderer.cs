using System.Globalization;
using QRCoder;
using SkiaSharp;

namespace Waterwheel.Acquisition.Posters;

/// <summary>
/// Draws a poster: the background at its own size (raised to <see cref="MinPrintWidth"/> so a small upload still
/// prints), the code's QR on it with its quiet zone, and the caption. The QR's modules are whole pixels drawn without
/// smoothing, so a printer or a phone sees hard edges; only the background and the text are smoothed. A preview asks
/// for a smaller width and gets the same picture, scaled.
/// </summary>
internal static class PosterRenderer
{
    public const int MinPrintWidth = 1500;

    /// <summary>A poster without a background is drawn on white, 2:3 like most print formats.</summary>
    public const int BlankWidth = 1500, BlankHeight = 2250;

    public static Result<byte[]> Render(byte[]? background, PosterLayout layout, string qrContent, int? maxWidth = null,
        SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        if (string.IsNullOrEmpty(qrContent)) return Error.Conflict("poster_without_qr", AcquisitionText.Get("PosterWithoutQr"));
        var face = PosterFont.For(layout.Caption);
        if (face is null) return Error.Conflict("poster_font_missing", AcquisitionText.Get("PosterFontMissing"));
        using var source = background is null ? null : SKBitmap.Decode(background);
        var (width, height) = source is null ? (BlankWidth, BlankHeight) : (source.Width, source.Height);
        var scale = Math.Max(1d, (double)MinPrintWidth / width);
        if (maxWidth is { } max && width * scale > max) scale = (double)max / width;
        var (outWidth, outHeight) = (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));

        using var bitmap = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (source is not null)
                canvas.DrawBitmap(source, new SKRect(0, 0, outWidth, outHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
            DrawQr(canvas, qrContent, layout, outWidth, outHeight);
            DrawCaption(canvas, face, layout, outWidth, outHeight);
        }
        using var encoded = bitmap.Encode(format, format == SKEncodedImageFormat.Png ? 100 : 85);
        return encoded.ToArray();
    }

    /// <summary>The QR's modules, quiet zone included (QRCoder's matrix carries 4 modules of it on each side).</summary>
    internal static IReadOnlyList<bool[]> Modules(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToList();
    }

    /// <summary>Where the QR lands on a canvas of this size: whole pixels per module, kept inside the canvas.</summary>
    internal static (int X, int Y, int Module, int Side) Place(PosterLayout layout, int modules, int width, int height)
    {
        var module = Math.Max(1, (int)Math.Floor(layout.QrSize * width / modules));
        var side = module * modules;
        var x = Math.Clamp((int)Math.Round(layout.QrX * width), 0, Math.Max(0, width - side));
        var y = Math.Clamp((int)Math.Round(layout.QrY * height), 0, Math.Max(0, height - side));
        return (x, y, module, side);
    }

    private static void DrawQr(SKCanvas canvas, string content, PosterLayout layout, int width, int height)
    {
        var matrix = Modules(content);
        var (x, y, module, side) = Place(layout, matrix.Count, width, height);
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, Color = SKColors.White };
        canvas.DrawRect(SKRect.Create(x, y, side, side), paint);
        paint.Color = SKColors.Black;
        for (var row = 0; row < matrix.Count; row++)
            for (var column = 0; column < matrix[row].Length; column++)
                if (matrix[row][column]) canvas.DrawRect(SKRect.Create(x + column * module, y + row * module, module, module), paint);
    }

    private static void DrawCaption(SKCanvas canvas, SKTypeface face, PosterLayout layout, int width, int height)
    {
        if (string.IsNullOrWhiteSpace(layout.Caption)) return;
        using var font = new SKFont(face, (float)(layout.CaptionSize * width)) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { IsAntialias = true, Color = Colour(layout.CaptionColor) };
        canvas.DrawText(layout.Caption, (float)(layout.CaptionX * width), (float)(layout.CaptionY * height), SKTextAlign.Center, font, paint);
    }

    internal static SKColor Colour(string hex) =>
        uint.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb) ? new SKColor(0xFF000000 | rgb) : SKColors.Black;
}
