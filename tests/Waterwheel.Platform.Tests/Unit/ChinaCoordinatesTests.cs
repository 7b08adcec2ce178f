using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waterwheel.Platform.Stores;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>
/// Coordinates read off Chinese maps come back to WGS-84: the forward shift agrees with the published reference points
/// of independent implementations, going back and forth returns the point within a millimetre anywhere in China, and
/// points outside China are left alone.
/// </summary>
public sealed class ChinaCoordinatesTests
{
    private const double Millimetre = 1e-8; // degrees: about 1 mm of latitude

    [Theory]
    [InlineData(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215)]     // Shanghai
    [InlineData(22.543847, 113.912316, 22.540796131694766, 113.9171764808363)]     // Shenzhen
    [InlineData(39.911954, 116.377817, 39.91334545536069, 116.38404722455657)]     // Beijing
    [InlineData(39.915, 116.404, 39.91640428150164, 116.41024449916938)]           // Tiananmen
    public void The_shift_matches_the_published_reference_points(double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        var (lat, lng) = ChinaCoordinates.Wgs84ToGcj02(wgsLat, wgsLng);
        Assert.Equal(gcjLat, lat, 1e-9);
        Assert.Equal(gcjLng, lng, 1e-9);

        var (backLat, backLng) = ChinaCoordinates.ToWgs84(gcjLat, gcjLng, CoordinateSystem.Gcj02);
        Assert.Equal(wgsLat, backLat, Millimetre);
        Assert.Equal(wgsLng, backLng, Millimetre);
    }

    [Fact]
    public void A_Baidu_point_loses_Baidus_shift_exactly_and_then_GCJ02s()
    {
        var (gcjLat, gcjLng) = ChinaCoordinates.Bd09ToGcj02(39.915, 116.404);
        Assert.Equal(39.90865673957631, gcjLat, 1e-9);
        Assert.Equal(116.39762729119315, gcjLng, 1e-9);
        Assert.Equal(ChinaCoordinates.Gcj02ToWgs84(gcjLat, gcjLng), ChinaCoordinates.ToWgs84(39.915, 116.404, CoordinateSystem.Bd09));
    }

    [Fact]
    public void The_shift_is_hundreds_of_metres_inside_China_and_nothing_outside_it()
    {
        var (lat, lng) = ChinaCoordinates.Wgs84ToGcj02(30.2741, 120.1551);
        Assert.InRange(Math.Abs(lat - 30.2741) + Math.Abs(lng - 120.1551), 0.002, 0.02);
        Assert.Equal((48.8584, 2.2945), ChinaCoordinates.ToWgs84(48.8584, 2.2945, CoordinateSystem.Gcj02));
        Assert.Equal((35.6586, 139.7454), ChinaCoordinates.Wgs84ToGcj02(35.6586, 139.7454));
        Assert.Equal((30.2741, 120.1551), ChinaCoordinates.ToWgs84(30.2741, 120.1551, CoordinateSystem.Wgs84));
    }

    [Property(MaxTest = 500)]
    public Property Going_to_GCJ02_and_back_returns_the_point_anywhere_in_China() =>
        Prop.ForAll(Gen.Choose(1_800, 53_000).Zip(Gen.Choose(73_600, 134_700)).ToArbitrary(), p =>
        {
            var (wgsLat, wgsLng) = (p.Item1 / 1000.0, p.Item2 / 1000.0);
            var (gcjLat, gcjLng) = ChinaCoordinates.Wgs84ToGcj02(wgsLat, wgsLng);
            var (lat, lng) = ChinaCoordinates.Gcj02ToWgs84(gcjLat, gcjLng);
            return Math.Abs(lat - wgsLat) < Millimetre && Math.Abs(lng - wgsLng) < Millimetre;
        });
}
