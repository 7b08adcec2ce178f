using SkiaSharp;

namespace Waterwheel.Acquisition.Tests.Posters;

/// <summary>Backgrounds made on the spot: a diagonal colour gradient, so a QR found in the poster cannot be the background's.</summary>
internal static class TestImages
{
    public static byte[] Gradient(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(0xFF, 0xE0, 0xB2), new SKColor(0xC6, 0x28, 0x28)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The poster is not a decodable image.");

    /// <summary>Reads a QR from the image as a phone's scanner would (ZXing), or null.</summary>
    public static string? ReadQr(SKBitmap bitmap)
    {
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var source = new ZXing.RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, ZXing.RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new ZXing.QrCode.QRCodeReader();
        var hints = new Dictionary<ZXing.DecodeHintType, object> { [ZXing.DecodeHintType.TRY_HARDER] = true };
        return reader.decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)), hints)?.Text;
    }
}
