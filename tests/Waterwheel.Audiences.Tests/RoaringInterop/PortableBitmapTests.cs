using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Engine;

namespace Waterwheel.Audiences.Tests.RoaringInterop;

/// <summary>The portable format by the spec's own layout, and untrusted bytes refused as a value.</summary>
public sealed class PortableBitmapTests
{
    [Fact]
    public void A_small_bitmap_is_laid_out_as_the_format_spec_says()
    {
        using var bitmap = new Roaring32Bitmap([1u, 2u, 70_000u]);
        var bytes = PortableBitmap.Write(bitmap);
        // No run containers: cookie 12346, then the container count (2), then per container key and cardinality - 1,
        // then per container a 4-byte offset, then the arrays of 16-bit values.
        Assert.Equal(12346u, BitConverter.ToUInt32(bytes, 0));
        Assert.Equal(2u, BitConverter.ToUInt32(bytes, 4));
        Assert.Equal([0, 0, 1, 0, 1, 0, 0, 0], bytes[8..16]);
        Assert.Equal(8 + 8 + 8 + 2 * 2 + 2, bytes.Length);
    }

    [Fact]
    public void Bytes_written_read_back_to_the_same_values()
    {
        using var bitmap = new Roaring32Bitmap(RoaringWasmInteropTests.Mixed(7));
        bitmap.Optimize();
        var read = PortableBitmap.Read(PortableBitmap.Write(bitmap));
        Assert.True(read.IsSuccess);
        using var copy = read.Value!;
        Assert.True(bitmap.ValueEquals(copy));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 0xFF, 0xFF, 0, 0 })]
    public void Bytes_that_are_not_a_bitmap_are_refused_as_a_value(byte[] bytes)
    {
        var read = PortableBitmap.Read(bytes);
        Assert.False(read.IsSuccess);
        Assert.Equal("bitmap_invalid", read.Error!.Code);
    }

    [Fact]
    public void A_truncated_bitmap_is_refused()
    {
        using var bitmap = new Roaring32Bitmap(RoaringWasmInteropTests.Mixed(8));
        var bytes = PortableBitmap.Write(bitmap);
        Assert.False(PortableBitmap.Read(bytes[..(bytes.Length / 2)]).IsSuccess);
    }
}
