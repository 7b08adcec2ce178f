using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Routing;
using Waterwheel.Platform.Contracts;

namespace Waterwheel.Acquisition.Tests.Routing;

/// <summary>Which store a customer's place finds: the nearest open one within the radius, closed and unstaffed stores skipped, and the fallbacks.</summary>
public sealed class StoreMapTests
{
    private static readonly GeoPoint PeoplesSquare = new(31.2304, 121.4737);
    private static readonly GeoPoint WestLake = new(30.2590, 120.1500);
    private static readonly GeoPoint Tiananmen = new(39.9087, 116.3975);
    private static readonly GeoPoint Chengdu = new(30.6586, 104.0647);

    private static readonly List<StoreRef> Stores =
    [
        Store("SH001", "南京西路店", "上海市", 31.2231, 121.4452),
        Store("SH007", "人民广场店", "上海市", 31.2342, 121.4752, open: false),
        Store("SH009", "七宝店", "上海市", 31.1577, 121.3523),
        Store("SH099", "无导购店", "上海市", 31.2305, 121.4738),
        Store("HZ001", "湖滨银泰店", "杭州市", 30.2590, 120.1640),
        Store("HZ005", "滨江店", "杭州市", 30.2080, 120.2100),
        Store("BJ003", "王府井店", "北京市", 39.9140, 116.4110),
        Store("BJ005", "中关村店", "北京市", 39.9840, 116.3160),
        Store("XX000", "无坐标店", "上海市", null, null),
    ];

    private static readonly StoreMap Map = new(Stores, Stores.Where(s => s.Code != "SH099").SelectMany(s => new[]
    {
        new StaffRef(Guid.NewGuid(), "导购" + s.Code, StaffRole.Guide, "g." + s.Code, s.StoreId, s.Code, s.Name),
        new StaffRef(Guid.NewGuid(), "店长" + s.Code, StaffRole.StoreManager, "m." + s.Code, s.StoreId, s.Code, s.Name),
    }));

    private static StoreRef Store(string code, string name, string city, double? lat, double? lng, bool open = true) =>
        new(Guid.NewGuid(), code, name, city, "/", null, null, city, "某路1号", lat, lng, open);

    [Fact]
    public void The_nearest_open_store_within_the_radius_is_found_in_each_city()
    {
        Assert.Equal("南京西路店", Map.Nearest(PeoplesSquare, 30)!.Store.Store.Name);
        Assert.Equal("湖滨银泰店", Map.Nearest(WestLake, 30)!.Store.Store.Name);
        Assert.Equal("王府井店", Map.Nearest(Tiananmen, 30)!.Store.Store.Name);
    }

    [Fact]
    public void Closed_stores_stores_without_guides_and_stores_without_coordinates_are_never_found()
    {
        // 人民广场店 (closed) and 无导购店 (no guide) are both nearer to People's Square than 南京西路店.
        Assert.DoesNotContain(Map.Stores, s => s.Store.Code is "SH007" or "SH099" or "XX000");
        Assert.Equal(6, Map.Stores.Count);
    }

    [Fact]
    public void The_distance_is_great_circle_kilometres()
    {
        var found = Map.Nearest(PeoplesSquare, 30)!;
        // 南京西路店 is 2.83 km west-south-west of People's Square.
        Assert.InRange(found.DistanceKm!.Value, 2.8, 2.86);
        // Shanghai to Beijing is about 1,070 km as the crow flies.
        Assert.InRange(PeoplesSquare.KmTo(Tiananmen), 1_050, 1_090);
    }

    [Fact]
    public void A_store_just_outside_the_radius_is_not_found_and_nothing_is_found_far_from_every_store()
    {
        var km = PeoplesSquare.KmTo(new GeoPoint(31.2231, 121.4452));
        Assert.Null(Map.Nearest(PeoplesSquare, km - 0.01));
        Assert.NotNull(Map.Nearest(PeoplesSquare, km + 0.01));
        Assert.Null(Map.Nearest(Chengdu, 50));
    }

    [Fact]
    public void Nearest_anywhere_finds_the_nearest_store_however_far()
    {
        var found = Map.NearestAnywhere(Chengdu, 50)!;
        // No store within 50 km of Chengdu: the search widens until it holds the nearest, as a plain scan finds it.
        Assert.Equal(Expected(Chengdu), found.Store.Store.Name);
        Assert.True(found.DistanceKm > 1_000);
    }

    [Fact]
    public void A_city_picks_its_central_store_and_lists_only_cities_with_stores()
    {
        Assert.Equal(["上海市", "北京市", "杭州市"], Map.Cities().Select(c => c.City).Order(StringComparer.Ordinal));
        Assert.Equal("杭州市", Map.InCity("杭州市")!.Store.Store.City);
        Assert.Null(Map.InCity("成都市"));
    }

    [Fact]
    public void Only_guides_take_a_stores_customers()
    {
        var store = Map.Nearest(Tiananmen, 30)!.Store;
        Assert.Equal(["g.BJ003"], store.Guides.Select(g => g.WeComUserId));
    }

    [Fact]
    public void Coordinates_outside_the_earth_are_refused()
    {
        Assert.False(GeoPoint.IsValid(91, 0));
        Assert.False(GeoPoint.IsValid(0, 181));
        Assert.False(GeoPoint.IsValid(double.NaN, 0));
        Assert.False(GeoPoint.IsValid(0, double.PositiveInfinity));
        Assert.True(GeoPoint.IsValid(-90, 180));
    }

    /// <summary>The nearest routable store by a plain scan: what the index must agree with.</summary>
    private static string Expected(GeoPoint from) => Map.Stores.MinBy(s => from.KmTo(s.Place))!.Store.Name;

    [Fact]
    public void The_index_agrees_with_a_plain_scan_everywhere_in_China()
    {
        var random = new Random(15);
        for (var i = 0; i < 500; i++)
        {
            var point = new GeoPoint(18 + random.NextDouble() * 35, 74 + random.NextDouble() * 60);
            Assert.Equal(Expected(point), Map.NearestAnywhere(point, 1 + random.NextDouble() * 50)!.Store.Store.Name);
            var radius = random.NextDouble() * 300;
            var scan = Map.Stores.Where(s => point.KmTo(s.Place) <= radius).MinBy(s => point.KmTo(s.Place));
            Assert.Equal(scan?.Store.Name, Map.Nearest(point, radius)?.Store.Store.Name);
        }
    }
}

/// <summary>Which guide of a store takes the customer: the code's policy among them, their caps, round-robin from whoever of them took the last add.</summary>
public sealed class GuidePickerTests
{
    private static readonly DateTime Monday10 = new(2026, 11, 30, 10, 0, 0);
    private static readonly List<PoolMember> Guides = [new(Guid.NewGuid(), "a", 2, false), new(Guid.NewGuid(), "b", 2, false), new(Guid.NewGuid(), "c", 2, false)];

    private static string Pick(AssignmentPolicy policy, string? last, params (string User, int Count)[] adds) =>
        GuidePicker.Pick(new LiveCode { Policy = policy }, Guides, PoolSchedule.Always, Monday10, adds.ToDictionary(a => a.User, a => a.Count), last, new Random(1));

    [Fact]
    public void Round_robin_goes_on_after_whoever_of_the_stores_guides_took_the_last_add()
    {
        Assert.Equal("a", Pick(AssignmentPolicy.RoundRobin, null));
        Assert.Equal("b", Pick(AssignmentPolicy.RoundRobin, "a"));
        Assert.Equal("a", Pick(AssignmentPolicy.RoundRobin, "c"));
    }

    [Fact]
    public void A_guide_at_their_cap_is_skipped_until_everyone_is()
    {
        Assert.Equal("c", Pick(AssignmentPolicy.RoundRobin, "a", ("b", 2)));
        Assert.Equal("c", Pick(AssignmentPolicy.LeastLoaded, null, ("a", 1), ("b", 1)));
        Assert.Contains(Pick(AssignmentPolicy.Random, null, ("a", 2), ("b", 2), ("c", 2)), new[] { "a", "b", "c" });
    }

    [Fact]
    public void Random_picks_only_guides_under_their_cap()
    {
        for (var seed = 0; seed < 50; seed++)
            Assert.Equal("b", GuidePicker.Pick(new LiveCode { Policy = AssignmentPolicy.Random }, Guides, PoolSchedule.Always, Monday10,
                new Dictionary<string, int> { ["a"] = 2, ["c"] = 2 }, null, new Random(seed)));
    }
}
