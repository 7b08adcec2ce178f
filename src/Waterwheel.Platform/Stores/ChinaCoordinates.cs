namespace Waterwheel.Platform.Stores;

/// <summary>The map datum a pair of coordinates was read in.</summary>
public enum CoordinateSystem
{
    /// <summary>GPS and a browser's geolocation; what Waterwheel stores.</summary>
    Wgs84,

    /// <summary>China's published maps (高德/Amap, 腾讯地图/Tencent Maps, WeChat's own location): WGS-84 shifted by up to several hundred metres.</summary>
    Gcj02,

    /// <summary>百度地图 (Baidu Maps): GCJ-02 shifted again.</summary>
    Bd09,
}

/// <summary>
/// Converts coordinates read off Chinese maps into WGS-84, the datum stores are kept in and a phone's geolocation
/// reports, so that nearest-store distances are not off by the few hundred metres between the two. GCJ-02's offset is a
/// published closed-form function of the WGS-84 point (on the Krasovsky ellipsoid) with no closed-form inverse: going
/// back is solved by fixed-point iteration, which converges to well under a centimetre in a few steps. Outside mainland
/// China's bounding box the maps use WGS-84 unshifted.
/// </summary>
public static class ChinaCoordinates
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const double BaiduAngle = Math.PI * 3000.0 / 180.0;
    private const double Tolerance = 1e-9; // degrees, about 0.1 mm
    private const int MaxSteps = 30;

    /// <summary>The WGS-84 point of coordinates given in <paramref name="system"/>.</summary>
    public static (double Latitude, double Longitude) ToWgs84(double latitude, double longitude, CoordinateSystem system) => system switch
    {
        CoordinateSystem.Gcj02 => Gcj02ToWgs84(latitude, longitude),
        CoordinateSystem.Bd09 => Gcj02ToWgs84(Bd09ToGcj02(latitude, longitude)),
        _ => (latitude, longitude),
    };

    /// <summary>Where a WGS-84 point is drawn on a GCJ-02 map.</summary>
    public static (double Latitude, double Longitude) Wgs84ToGcj02(double latitude, double longitude)
    {
        if (!InMainlandChina(latitude, longitude)) return (latitude, longitude);
        var (dLat, dLng) = Offset(latitude, longitude);
        return (latitude + dLat, longitude + dLng);
    }

    /// <summary>The WGS-84 point a GCJ-02 map draws here: the point whose shift lands on it.</summary>
    public static (double Latitude, double Longitude) Gcj02ToWgs84(double latitude, double longitude)
    {
        if (!InMainlandChina(latitude, longitude)) return (latitude, longitude);
        var (lat, lng) = (latitude, longitude);
        for (var step = 0; step < MaxSteps; step++)
        {
            var (shiftedLat, shiftedLng) = Wgs84ToGcj02(lat, lng);
            var (errLat, errLng) = (shiftedLat - latitude, shiftedLng - longitude);
            (lat, lng) = (lat - errLat, lng - errLng);
            if (Math.Abs(errLat) < Tolerance && Math.Abs(errLng) < Tolerance) break;
        }
        return (lat, lng);
    }

    private static (double Latitude, double Longitude) Gcj02ToWgs84((double Latitude, double Longitude) point) => Gcj02ToWgs84(point.Latitude, point.Longitude);

    /// <summary>Baidu's extra shift undone: a rotation and scaling about the GCJ-02 point, in closed form.</summary>
    public static (double Latitude, double Longitude) Bd09ToGcj02(double latitude, double longitude)
    {
        var x = longitude - 0.0065;
        var y = latitude - 0.006;
        var radius = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BaiduAngle);
        var angle = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BaiduAngle);
        return (radius * Math.Sin(angle), radius * Math.Cos(angle));
    }

    /// <summary>The coarse box the Chinese datums apply to (the published functions use it too).</summary>
    public static bool InMainlandChina(double latitude, double longitude) =>
        longitude is >= 72.004 and <= 137.8347 && latitude is >= 0.8293 and <= 55.8271;

    private static (double DLat, double DLng) Offset(double latitude, double longitude)
    {
        var x = longitude - 105.0;
        var y = latitude - 35.0;
        var radLat = latitude / 180.0 * Math.PI;
        var magic = 1 - EccentricitySquared * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        var dLat = LatitudeShift(x, y) * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        var dLng = LongitudeShift(x, y) * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLng);
    }

    private static double LatitudeShift(double x, double y) =>
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x)) + Waves(x)
        + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
        + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;

    private static double LongitudeShift(double x, double y) =>
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x)) + Waves(x)
        + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
        + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

    private static double Waves(double x) => (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
}
