using SkiaSharp;

namespace Waterwheel.Acquisition.Posters;

/// <summary>What an uploaded background turned out to be, once decoded.</summary>
internal sealed record BackgroundInfo(string Format, int Width, int Height);

/// <summary>
/// Judges an uploaded background by decoding it, never by its name or declared type: only a PNG, JPEG or WebP that
/// decodes whole, within <see cref="MaxBytes"/> and <see cref="MaxPixels"/>, is kept. The pixel bound keeps a small file
/// that expands to a huge bitmap (a decompression bomb) from taking a node's memory; it is read from the header first.
/// </summary>
internal static class PosterBackgrounds
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 8000;
    public const long MaxPixels = 30_000_000;

    public static Result<BackgroundInfo> Check(byte[]? file)
    {
        if (file is null || file.Length == 0) return Error.Invalid("file", AcquisitionText.Get("PosterFileMissing"));
        if (file.Length > MaxBytes) return TooLarge();
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        var format = codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Webp => "webp",
            _ => null,
        };
        if (codec is null || format is null) return NotAnImage();
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
            return Error.Invalid("file", AcquisitionText.Format("PosterTooManyPixels", MaxSide, MaxPixels / 1_000_000));
        // A header can be fine and the rest truncated or corrupt: decode it all once before keeping it.
        // (SKBitmap.Decode would hand back a half-grey bitmap of a truncated file; the codec's own result says so.)
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success) return NotAnImage();
        return new BackgroundInfo(format, width, height);
    }

    public static Error TooLarge() => Error.Invalid("file", AcquisitionText.Format("PosterTooLarge", MaxBytes / 1024 / 1024));

    private static Error NotAnImage() => Error.Invalid("file", AcquisitionText.Get("PosterNotAnImage"));
}
