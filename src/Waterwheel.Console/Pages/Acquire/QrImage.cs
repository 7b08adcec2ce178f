using QRCoder;

namespace Waterwheel.Console.Pages.Acquire;

/// <summary>A live code's QR drawn as a PNG data URL, so the console shows the code a customer scans without fetching WeCom's image.</summary>
internal static class QrImage
{
    public static string DataUrl(string content, int pixelsPerModule)
    {
        if (string.IsNullOrEmpty(content)) return "";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(pixelsPerModule));
    }
}
