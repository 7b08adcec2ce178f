using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Waterwheel.Acquisition.Routing;

/// <summary>An open store with coordinates and the staff who may take its customers.</summary>
internal sealed record RoutableStore(StoreRef Store, GeoPoint Place, IReadOnlyList<StaffRef> Guides);

/// <summary>A store found for a customer and how far it is from them (none when picked by city).</summary>
internal sealed record StoreMatch(RoutableStore Store, double? DistanceKm);

/// <summary>
/// One tenant's routable stores in an STR-tree over latitude and longitude: a lookup reads the stores in a box
/// around the customer, not every store, then ranks those by great-circle distance. Only open stores with
/// coordinates and at least one guide with a WeCom account are in it: a store nobody can answer for is no answer.
/// Immutable once built; <see cref="StoreMaps"/> keeps one per tenant for a short while.
/// </summary>
internal sealed class StoreMap
{
    /// <summary>Half the earth's circumference: every store is within it.</summary>
    private const double WholeEarthKm = 20_016;

    private readonly STRtree<RoutableStore> _tree = new();

    public IReadOnlyList<RoutableStore> Stores { get; }

    public StoreMap(IEnumerable<StoreRef> stores, IEnumerable<StaffRef> staff)
    {
        var guides = staff.Where(s => s.StoreId is not null && s.Role == StaffRole.Guide).ToLookup(s => s.StoreId!.Value);
        Stores = stores
            .Where(s => s.Open && s.Latitude is not null && s.Longitude is not null && guides[s.StoreId].Any())
            .Select(s => new RoutableStore(s, new GeoPoint(s.Latitude!.Value, s.Longitude!.Value), guides[s.StoreId].ToList()))
            .ToList();
        foreach (var store in Stores) _tree.Insert(new Envelope(store.Place.Longitude, store.Place.Longitude, store.Place.Latitude, store.Place.Latitude), store);
        _tree.Build();
    }

    /// <summary>The nearest store within the radius (of those <paramref name="accepts"/> takes, when given), or none.</summary>
    public StoreMatch? Nearest(GeoPoint customer, double radiusKm, Func<RoutableStore, bool>? accepts = null)
    {
        StoreMatch? best = null;
        foreach (var store in Within(customer, radiusKm))
        {
            if (accepts is not null && !accepts(store)) continue;
            var km = customer.KmTo(store.Place);
            if (km <= radiusKm && (best is null || km < best.DistanceKm)) best = new StoreMatch(store, km);
        }
        return best;
    }

    /// <summary>The nearest store however far: the box doubles from the radius until it holds one.</summary>
    public StoreMatch? NearestAnywhere(GeoPoint customer, double startKm, Func<RoutableStore, bool>? accepts = null)
    {
        if (!Stores.Any(s => accepts is null || accepts(s))) return null;
        for (var km = Math.Max(1, startKm); ; km *= 2)
        {
            if (Nearest(customer, Math.Min(km, WholeEarthKm), accepts) is { } found) return found;
            if (km >= WholeEarthKm) return null;
        }
    }

    /// <summary>The cities that have routable stores, for the picker of a customer who keeps their location.</summary>
    public IReadOnlyList<(string Province, string City)> Cities() =>
        Stores.Select(s => (s.Store.Province, s.Store.City)).Distinct().OrderBy(c => c.Province, StringComparer.Ordinal).ThenBy(c => c.City, StringComparer.Ordinal).ToList();

    /// <summary>A city's central store: the one nearest the middle of the city's stores.</summary>
    public StoreMatch? InCity(string city, Func<RoutableStore, bool>? accepts = null)
    {
        var stores = Stores.Where(s => s.Store.City == city && (accepts is null || accepts(s))).ToList();
        if (stores.Count == 0) return null;
        var middle = new GeoPoint(stores.Average(s => s.Place.Latitude), stores.Average(s => s.Place.Longitude));
        return new StoreMatch(stores.MinBy(s => middle.KmTo(s.Place))!, null);
    }

    private IEnumerable<RoutableStore> Within(GeoPoint customer, double km)
    {
        var (minLat, maxLat, minLng, maxLng) = customer.BoxAround(km);
        IEnumerable<RoutableStore> found = _tree.Query(new Envelope(minLng, maxLng, minLat, maxLat));
        // A box across the antimeridian is read again on the other side.
        if (minLng < -180) found = found.Concat(_tree.Query(new Envelope(minLng + 360, 180, minLat, maxLat)));
        if (maxLng > 180) found = found.Concat(_tree.Query(new Envelope(-180, maxLng - 360, minLat, maxLat)));
        return found;
    }
}
