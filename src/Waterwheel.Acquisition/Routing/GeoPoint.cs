namespace Waterwheel.Acquisition.Routing;

/// <summary>A place on the earth in WGS-84 degrees, as a phone's geolocation reports it.</summary>
internal readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance (haversine): degrees are not kilometres, least of all east to west in Beijing.</summary>
    public double KmTo(GeoPoint other)
    {
        var dLat = Radians(other.Latitude - Latitude);
        var dLng = Radians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// A latitude/longitude box that holds every point within <paramref name="km"/>: wide enough in longitude at the
    /// box's edge nearest the pole, and the whole band of longitudes near a pole or past half the earth.
    /// </summary>
    public (double MinLat, double MaxLat, double MinLng, double MaxLng) BoxAround(double km)
    {
        const double KmPerDegree = Math.PI * EarthRadiusKm / 180;
        var dLat = km / KmPerDegree;
        var poleward = Math.Min(90, Math.Abs(Latitude) + dLat);
        var cos = Math.Cos(Radians(poleward));
        var dLng = poleward >= 89 || km >= Math.PI * EarthRadiusKm ? 180 : Math.Min(180, km / (KmPerDegree * cos));
        return (Math.Max(-90, Latitude - dLat), Math.Min(90, Latitude + dLat), Longitude - dLng, Longitude + dLng);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
