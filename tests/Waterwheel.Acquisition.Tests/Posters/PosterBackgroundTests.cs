using System.Text;
using SkiaSharp;
using Waterwheel.Acquisition.Posters;

namespace Waterwheel.Acquisition.Tests.Posters;

/// <summary>Only an image that decodes, within the byte and pixel bounds, is taken as a background.</summary>
public sealed class PosterBackgroundTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void PNG_JPEG_and_WebP_are_taken_with_their_size(SKEncodedImageFormat format, string name)
    {
        var result = PosterBackgrounds.Check(TestImages.Gradient(320, 480, format));
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new BackgroundInfo(name, 320, 480), result.Value);
    }

    [Fact]
    public void Text_named_like_an_image_is_refused_on_the_file_field()
    {
        var result = PosterBackgrounds.Check(Encoding.UTF8.GetBytes("手机号\n13800000000\n"));
        Assert.False(result.IsSuccess);
        Assert.Contains("file", result.Error!.Fields!.Keys);
    }

    [Fact]
    public void A_truncated_image_is_refused()
    {
        var png = TestImages.Gradient(800, 800);
        Assert.False(PosterBackgrounds.Check(png[..(png.Length / 3)]).IsSuccess);
    }

    [Fact]
    public void Too_many_bytes_or_pixels_are_refused()
    {
        Assert.False(PosterBackgrounds.Check(new byte[PosterBackgrounds.MaxBytes + 1]).IsSuccess);
        // A thin strip compresses to a few kilobytes but is wider than any poster.
        var wide = TestImages.Gradient(PosterBackgrounds.MaxSide + 1, 4);
        Assert.True(wide.Length < PosterBackgrounds.MaxBytes);
        var refused = PosterBackgrounds.Check(wide);
        Assert.False(refused.IsSuccess);
        Assert.Contains(PosterBackgrounds.MaxSide.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Error!.Message);
    }
}
