using SkiaSharp;
using Waterwheel.Acquisition.Posters;

namespace Waterwheel.Acquisition.Tests.Posters;

/// <summary>The poster as printed: its size, a QR a phone reads with hard-edged modules and a quiet zone, and a Chinese caption drawn in a real CJK font.</summary>
public sealed class PosterRendererTests
{
    private const string Qr = "https://wework.qpic.cn/wwpic/contact_way/lc0123456789ab";
    private static readonly PosterLayout Layout = PosterLayout.Default with { Caption = "扫码添加导购 领新人礼" };

    private static byte[] Rendered(byte[]? background, PosterLayout? layout = null, int? maxWidth = null)
    {
        var result = PosterRenderer.Render(background, layout ?? Layout, Qr, maxWidth);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    [Fact]
    public void A_large_background_prints_at_its_own_size_as_a_PNG()
    {
        var png = Rendered(TestImages.Gradient(2000, 2800));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        using var poster = TestImages.Decode(png);
        Assert.Equal((2000, 2800), (poster.Width, poster.Height));
    }

    [Fact]
    public void A_small_background_or_none_is_raised_to_print_width()
    {
        using var small = TestImages.Decode(Rendered(TestImages.Gradient(600, 900, SKEncodedImageFormat.Jpeg)));
        Assert.Equal((PosterRenderer.MinPrintWidth, 2250), (small.Width, small.Height));
        using var blank = TestImages.Decode(Rendered(null));
        Assert.Equal((PosterRenderer.BlankWidth, PosterRenderer.BlankHeight), (blank.Width, blank.Height));
    }

    [Fact]
    public void The_QR_on_the_poster_reads_back_as_the_codes_content()
    {
        using var poster = TestImages.Decode(Rendered(TestImages.Gradient(1600, 2400)));
        Assert.Equal(Qr, TestImages.ReadQr(poster));
    }

    [Fact]
    public void Every_QR_module_is_pure_black_or_white_as_the_matrix_says_quiet_zone_included()
    {
        using var poster = TestImages.Decode(Rendered(TestImages.Gradient(1700, 2300)));
        var matrix = PosterRenderer.Modules(Qr);
        var (x, y, module, side) = PosterRenderer.Place(Layout, matrix.Count, poster.Width, poster.Height);
        Assert.True(module >= 4, $"a module of {module} px is too small to print");
        Assert.Equal(matrix.Count * module, side);
        // The quiet zone: QRCoder's matrix carries 4 light modules on each side.
        Assert.All(matrix.Take(4).Concat(matrix.TakeLast(4)), row => Assert.DoesNotContain(true, row));
        for (var row = 0; row < matrix.Count; row++)
            for (var column = 0; column < matrix.Count; column++)
            {
                var expected = matrix[row][column] ? SKColors.Black : SKColors.White;
                // Corners as well as centres: without smoothing a module's edge pixels are as dark as its middle.
                foreach (var (dx, dy) in new[] { (0, 0), (module - 1, module - 1), (module / 2, module / 2) })
                {
                    var pixel = poster.GetPixel(x + column * module + dx, y + row * module + dy);
                    Assert.True(pixel == expected, $"module ({row},{column}) pixel +({dx},{dy}) is {pixel}, expected {expected}");
                }
            }
    }

    [Fact]
    public void A_Chinese_caption_is_drawn_with_a_CJK_font()
    {
        Assert.NotNull(PosterFont.For("扫码添加导购"));
        var withCaption = TestImages.Decode(Rendered(null));
        var without = TestImages.Decode(Rendered(null, Layout with { Caption = "" }));
        var baseline = (int)(Layout.CaptionY * withCaption.Height);
        var fontHeight = (int)(Layout.CaptionSize * withCaption.Width);
        var changed = 0;
        for (var py = baseline - fontHeight; py < baseline; py += 2)
            for (var px = 0; px < withCaption.Width; px += 2)
                if (withCaption.GetPixel(px, py) != without.GetPixel(px, py)) changed++;
        Assert.True(changed > 500, $"only {changed} pixels of the caption line changed");
        withCaption.Dispose();
        without.Dispose();
    }

    [Fact]
    public void A_preview_is_the_same_poster_smaller()
    {
        var preview = PosterRenderer.Render(TestImages.Gradient(2000, 3000), Layout, Qr, RenderPoster.PreviewWidth, SKEncodedImageFormat.Jpeg);
        Assert.True(preview.IsSuccess);
        using var image = TestImages.Decode(preview.Value!);
        Assert.Equal((RenderPoster.PreviewWidth, 720), (image.Width, image.Height));
    }
}
