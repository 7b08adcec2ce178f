using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Data;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// The store map lists each located store of the viewer's scope with the codes that bring it customers and the adds
/// its staff took: a pool code through its guide, a group code through its store, every nearest-store code for every
/// open store; a store without coordinates is counted, not drawn, and a store manager sees their own store only.
/// </summary>
public abstract class StoreMapTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Each_store_shows_the_codes_that_bring_it_customers_and_its_adds_within_the_viewers_scope()
    {
        var shanghai = await _brand.Store("SH01", "人民广场店", "上海市", "上海市", "南京东路1号", 31.2304, 121.4737);
        await _brand.Store("SH02", "待定店", "上海市", "上海市", "", 0, 0);
        var binjiang = (await AcquisitionBrand.Send(_brand.Admin.GetAsync("/api/platform/stores?q=HZ01"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "门店物料", kind = "StoreCounter", cost = 0m });
        var pool = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "收银台码", pool = new[] { new { staffId = _brand.Staff["guide.li"] } } }), HttpStatusCode.Created);
        await _brand.Created("/api/acquisition/codes", new
        {
            channelId = channel, name = "全国就近码", pool = new[] { new { staffId = _brand.Staff["guide.wang"] } }, lbs = new { radiusKm = 20, fallback = "NearestBeyond" },
        });
        string chat;
        lock (_brand.Simulator.State.Sync) chat = _brand.Corp.AddGroup("滨江店福利群", "guide.li", _brand.Time.GetUtcNow().ToUnixTimeSeconds()).ChatId;
        await _brand.Created("/api/acquisition/group-codes", new { channelId = channel, name = "滨江福利群码", chatIds = new[] { chat }, storeId = binjiang });

        var configId = await _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Codes.Where(c => c.Id == pool.GetProperty("id").GetGuid())
            .Select(c => c.ConfigId).SingleAsync());
        var added = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, configId);
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals
            .AnyAsync(a => a.ExternalUserId == added.ExternalUserid)), "the add as the code's arrival");

        var all = await AcquisitionBrand.Send(_brand.Admin.GetAsync("/api/acquisition/store-map"));
        Assert.Equal(["上海市", "杭州市"], all.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, all.GetProperty("unplaced").GetInt32());
        var hangzhou = Assert.Single((await AcquisitionBrand.Send(_brand.Admin.GetAsync("/api/acquisition/store-map?city=杭州市"))).GetProperty("stores").EnumerateArray());
        Assert.Equal((AcquisitionBrand.StoreName, 1), (hangzhou.GetProperty("name").GetString(), hangzhou.GetProperty("adds30").GetInt32()));
        Assert.Equal(["收银台码"], Names(hangzhou, "poolCodes"));
        Assert.Equal(["滨江福利群码"], Names(hangzhou, "groupCodes"));
        Assert.Equal(["全国就近码"], Names(hangzhou, "nearestCodes"));

        // The Shanghai store's manager sees their store and nothing of Hangzhou's.
        await _brand.Member("manager.sh", "沈经理", "StoreManager", shanghai, "13700000099");
        (await _brand.Admin.PostAsJsonAsync($"/api/platform/staff/{_brand.Staff["manager.sh"]}/account",
            new { userName = "manager.sh", password = "Manager-pass-2026" })).EnsureSuccessStatusCode();
        using var manager = await _brand.App.SignedIn("manager.sh", "Manager-pass-2026");
        var own = await AcquisitionBrand.Send(manager.GetAsync("/api/acquisition/store-map"));
        Assert.Equal(["人民广场店"], own.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["上海市"], own.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, own.GetProperty("unplaced").GetInt32());
    }

    private static IEnumerable<string?> Names(JsonElement store, string property) => store.GetProperty(property).EnumerateArray().Select(n => n.GetString());
}

public sealed class StoreMapSqlite() : StoreMapTests("sqlite");

public sealed class StoreMapPostgres() : StoreMapTests("postgres");
