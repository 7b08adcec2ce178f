using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Data;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// A nearest-store code on the real server and the WeCom simulator: stores in Shanghai, Hangzhou and Beijing (and a
/// closed one nearer than any), an HQ service member as the fallback. The landing endpoints pick the right store and
/// guide for each city, fall back far from every store, give each guide one single-member way however many nodes ask
/// at once, record the add through that way as the code's arrival with its welcome, count what they saw, refuse bad
/// coordinates and answer a flood with 429.
/// </summary>
public abstract class NearestStoreTests(string provider) : IAsyncLifetime
{
    private const int Limit = 40;
    private static readonly object PeoplesSquare = new { latitude = 31.2304, longitude = 121.4737 };
    private static readonly object WestLake = new { latitude = 30.2590, longitude = 120.1500 };
    private static readonly object Sanlitun = new { latitude = 39.9360, longitude = 116.4550 };
    private static readonly object Chengdu = new { latitude = 30.6586, longitude = 104.0647 };

    private AcquisitionBrand _brand = null!;
    private HttpClient _customer = null!;

    public async Task InitializeAsync()
    {
        _brand = await AcquisitionBrand.Start(provider, new Dictionary<string, string?> { ["Waterwheel:Acquisition:Landing:PermitLimit"] = $"{Limit}" });
        _customer = _brand.App.Anonymous();
    }

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Customers_in_each_city_get_their_nearest_stores_guide_and_the_fallback_far_from_every_store()
    {
        var (codeId, landing) = await Setup();

        var page = await _customer.GetAsync(landing);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("找到离您最近的门店", html);
        NoInsideFacts(html);

        var shanghai = await Route(landing, PeoplesSquare);
        Assert.Equal("南京西路店", shanghai.GetProperty("storeName").GetString());
        Assert.False(shanghai.GetProperty("fallback").GetBoolean());
        Assert.Equal(2.8, shanghai.GetProperty("distanceKm").GetDouble());
        Assert.Contains(shanghai.GetProperty("staffName").GetString(), new[] { "上海导购甲", "上海导购乙" });

        var hangzhou = await Route(landing, WestLake);
        Assert.Equal(AcquisitionBrand.StoreName, hangzhou.GetProperty("storeName").GetString());
        Assert.Contains(hangzhou.GetProperty("staffName").GetString(), AcquisitionBrand.Guides.Select(g => g.Name));

        var beijing = await Route(landing, Sanlitun);
        Assert.Equal("三里屯店", beijing.GetProperty("storeName").GetString());
        Assert.Equal("北京导购", beijing.GetProperty("staffName").GetString());

        var far = await Route(landing, Chengdu);
        Assert.True(far.GetProperty("fallback").GetBoolean());
        Assert.Equal(JsonValueKind.Null, far.GetProperty("storeName").ValueKind);
        Assert.Equal("总部客服", far.GetProperty("staffName").GetString());

        // A customer who keeps their location picks a city instead.
        var denied = await _customer.PostAsync($"{landing}/denied", null);
        Assert.Equal(HttpStatusCode.NoContent, denied.StatusCode);
        var cities = await AcquisitionBrand.Send(_customer.GetAsync($"{landing}/cities"));
        Assert.Equal(["上海市", "北京市", "杭州市"], cities.EnumerateArray().Select(c => c.GetProperty("city").GetString()!).Order(StringComparer.Ordinal));
        var byCity = await Route(landing, new { city = "北京市" });
        Assert.Equal("三里屯店", byCity.GetProperty("storeName").GetString());
        Assert.Equal(JsonValueKind.Null, byCity.GetProperty("distanceKm").ValueKind);

        // The Beijing guide's QR is a single-member way whose add is this code's arrival, welcomed by the code's text.
        var configId = WayShowing(beijing.GetProperty("qrCodeUrl").GetString()!);
        lock (_brand.Simulator.State.Sync)
        {
            var way = _brand.Corp.ContactWays[configId];
            Assert.Equal(1, way.Type);
            Assert.Equal(["guide.bj"], way.Users);
        }
        var scan = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, configId);
        Assert.Equal("guide.bj", scan.Userid);
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals
            .AnyAsync(a => a.CodeId == codeId && a.ExternalUserId == scan.ExternalUserid && a.StaffUserId == "guide.bj")), "the arrival through the guide's way");
        await AcquisitionBrand.Eventually(() => Task.FromResult(Welcomes(scan.ExternalUserid).Contains("我是三里屯店的北京导购")), "the code's welcome");

        // The same guide picked again shows the same way; no second way was made.
        Assert.Equal(beijing.GetProperty("qrCodeUrl").GetString(), (await Route(landing, Sanlitun)).GetProperty("qrCodeUrl").GetString());

        var stats = await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}/landing-stats"));
        Assert.Equal((1, 5, 1, 5, 1), (stats.GetProperty("views").GetInt32(), stats.GetProperty("grants").GetInt32(), stats.GetProperty("denials").GetInt32(),
            stats.GetProperty("routed").GetInt32(), stats.GetProperty("fallbacks").GetInt32()));
    }

    [Fact]
    public async Task Round_robin_moves_on_among_a_stores_guides_as_they_take_adds()
    {
        var (_, landing) = await Setup();
        var first = await Route(landing, PeoplesSquare);
        // Until the customer adds the guide, the next customer is shown the same one.
        Assert.Equal(first.GetProperty("staffName").GetString(), (await Route(landing, PeoplesSquare)).GetProperty("staffName").GetString());
        var scan = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, WayShowing(first.GetProperty("qrCodeUrl").GetString()!));
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals
            .AnyAsync(a => a.ExternalUserId == scan.ExternalUserid)), "the arrival");
        var next = await Route(landing, PeoplesSquare);
        Assert.NotEqual(first.GetProperty("staffName").GetString(), next.GetProperty("staffName").GetString());

        // Deleting the code takes its guides' ways out of WeCom and closes its page; the arrival stays.
        var codeId = (await _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals.SingleAsync(a => a.ExternalUserId == scan.ExternalUserid))).CodeId;
        var version = (await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}"))).GetProperty("version").GetInt32();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/acquisition/codes/{codeId}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await AcquisitionBrand.Send(_brand.Admin.SendAsync(delete), HttpStatusCode.NoContent);
        lock (_brand.Simulator.State.Sync) Assert.DoesNotContain(_brand.Corp.ContactWays.Values, w => w.State.StartsWith("ls", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _customer.GetAsync(landing)).StatusCode);
        Assert.Equal(1, await _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals.CountAsync(a => a.CodeId == codeId)));
    }

    [Fact]
    public async Task Many_customers_routed_to_one_guide_at_once_share_one_way()
    {
        var (codeId, landing) = await Setup();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Route(landing, Sanlitun)));
        Assert.Single(answers.Select(a => a.GetProperty("qrCodeUrl").GetString()).Distinct());
        var stored = await _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().StoreWays.CountAsync(w => w.CodeId == codeId));
        Assert.Equal(1, stored);
        lock (_brand.Simulator.State.Sync) Assert.Single(_brand.Corp.ContactWays.Values, w => w.Users.Contains("guide.bj"));
    }

    [Fact]
    public async Task Bad_places_are_refused_with_field_errors_and_a_flood_gets_429()
    {
        var (_, landing) = await Setup();
        var bad = await AcquisitionBrand.Send(_customer.PostAsJsonAsync($"{landing}/route", new { latitude = 91.0, longitude = 121.47 }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("latitude", out _), bad.ToString());
        var none = await AcquisitionBrand.Send(_customer.PostAsJsonAsync($"{landing}/route", new { }), HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("city", out _), none.ToString());
        await AcquisitionBrand.Send(_customer.GetAsync("/h5/lbs/AAAAAAAAAAAAAAAAAAAAAA/cities"), HttpStatusCode.NotFound);

        // A code past its expiry shows the customer that it is gone, before the upkeep has marked it.
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "限时海报", kind = "Poster", cost = 0m });
        var brief = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes", new
        {
            channelId = channel, name = "限时就近码", pool = new[] { new { staffId = _brand.Staff["hq.service"] } },
            lbs = new { radiusKm = 30 }, expiresAt = _brand.Time.GetUtcNow().AddHours(1),
        }), HttpStatusCode.Created);
        var briefLanding = brief.GetProperty("lbs").GetProperty("landingPath").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _customer.GetAsync(briefLanding)).StatusCode);
        _brand.Time.Advance(TimeSpan.FromHours(2));
        var gone = await _customer.GetAsync(briefLanding);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("该活码已失效", await gone.Content.ReadAsStringAsync());

        HttpResponseMessage? refused = null;
        for (var i = 0; i < Limit + 1 && refused is null; i++)
        {
            var response = await _customer.GetAsync($"{landing}/cities");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("访问过于频繁", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_group_mode_the_nearest_store_with_a_group_code_takes_the_customer_into_its_group()
    {
        var nanjingRoad = await _brand.Store("SH001", "南京西路店", "上海市", "上海市", "南京西路1618号", 31.2231, 121.4452);
        var sanlitun = await _brand.Store("BJ001", "三里屯店", "北京市", "北京市", "三里屯路19号", 39.9330, 116.4540);
        await _brand.Member("guide.sh1", "上海导购甲", "Guide", nanjingRoad, "13700000011");
        await _brand.Member("guide.bj", "北京导购", "Guide", sanlitun, "13700000014");
        var service = await _brand.Member("hq.service", "总部客服", "HqOperator", null, "13700000015");
        string chatId;
        lock (_brand.Simulator.State.Sync) chatId = _brand.Corp.AddGroup("南京西路福利群", "guide.sh1", _brand.Time.GetUtcNow().ToUnixTimeSeconds()).ChatId;
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "门店群海报", kind = "Poster" });

        // A group code names a store the brand has, or none.
        var unknown = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes",
            new { channelId = channel, name = "无此门店", chatIds = new[] { chatId }, storeId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("storeId", out _));
        var group = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes",
            new { channelId = channel, name = "南京西路店福利群", chatIds = new[] { chatId }, storeId = nanjingRoad }), HttpStatusCode.Created);
        Assert.Equal(nanjingRoad, group.GetProperty("storeId").GetGuid());

        var code = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes", new
        {
            channelId = channel, name = "就近门店群码", pool = new[] { new { staffId = service } }, lbs = new { radiusKm = 30, fallback = "ServiceStaff", groups = true },
        }), HttpStatusCode.Created);
        Assert.True(code.GetProperty("lbs").GetProperty("groups").GetBoolean());
        var landing = code.GetProperty("lbs").GetProperty("landingPath").GetString()!;

        var shanghai = await Route(landing, PeoplesSquare);
        Assert.Equal((true, false, "南京西路店", "南京西路店福利群", group.GetProperty("qrCodeUrl").GetString()),
            (shanghai.GetProperty("group").GetBoolean(), shanghai.GetProperty("fallback").GetBoolean(), shanghai.GetProperty("storeName").GetString(),
                shanghai.GetProperty("staffName").GetString(), shanghai.GetProperty("qrCodeUrl").GetString()));

        // 三里屯店 has guides but no group of its own: in group mode it takes no one, and head office's service staff does.
        var beijing = await Route(landing, Sanlitun);
        Assert.Equal((false, true, "总部客服"), (beijing.GetProperty("group").GetBoolean(), beijing.GetProperty("fallback").GetBoolean(),
            beijing.GetProperty("staffName").GetString()));
    }

    /// <summary>Two stores in Shanghai (one closed, nearer than the other), one in Beijing, 滨江店 in Hangzhou; an LBS code with a 30 km radius.</summary>
    private async Task<(Guid CodeId, string Landing)> Setup()
    {
        var nanjingRoad = await _brand.Store("SH001", "南京西路店", "上海市", "上海市", "南京西路1618号", 31.2231, 121.4452);
        var peoplesSquare = await _brand.Store("SH007", "人民广场店", "上海市", "上海市", "南京东路800号", 31.2342, 121.4752);
        var sanlitun = await _brand.Store("BJ001", "三里屯店", "北京市", "北京市", "三里屯路19号", 39.9330, 116.4540);
        await _brand.Member("guide.sh1", "上海导购甲", "Guide", nanjingRoad, "13700000011");
        await _brand.Member("guide.sh2", "上海导购乙", "Guide", nanjingRoad, "13700000012");
        await _brand.Member("guide.ps", "人民广场导购", "Guide", peoplesSquare, "13700000013");
        await _brand.Member("guide.bj", "北京导购", "Guide", sanlitun, "13700000014");
        var service = await _brand.Member("hq.service", "总部客服", "HqOperator", null, "13700000015");
        await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/platform/stores/{peoplesSquare}/status", new { status = "Closed" }));

        var channel = await _brand.Created("/api/acquisition/channels", new { name = "全国门店海报", kind = "Poster", cost = 0m });
        var code = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes", new
        {
            channelId = channel, name = "就近门店码", policy = "RoundRobin", pool = new[] { new { staffId = service } },
            welcome = new { text = "您好，我是{门店名称}的{导购姓名}。" },
            lbs = new { radiusKm = 30, fallback = "ServiceStaff" },
        }), HttpStatusCode.Created);
        var landing = code.GetProperty("lbs").GetProperty("landingPath").GetString()!;
        Assert.Matches(new Regex("^/h5/lbs/[A-Za-z0-9_-]{22}$"), landing);
        return (code.GetProperty("id").GetGuid(), landing);
    }

    private async Task<JsonElement> Route(string landing, object where)
    {
        using var response = await _customer.PostAsJsonAsync($"{landing}/route", where);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"route: {(int)response.StatusCode} {body}");
        NoInsideFacts(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The page and its answers name no staff or store ids and no WeCom userids.</summary>
    private void NoInsideFacts(string text)
    {
        foreach (var id in _brand.Staff.Values) Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        foreach (var user in _brand.Staff.Keys) Assert.DoesNotContain(user, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase), text);
    }

    private string WayShowing(string qrCodeUrl)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.ContactWays.Values.Single(w => w.QrCode == qrCodeUrl).ConfigId;
    }

    private string Welcomes(string externalUserId)
    {
        lock (_brand.Simulator.State.Sync) return string.Join("\n", _brand.Corp.Delivered.Where(d => d.ExternalUserid == externalUserId).Select(d => d.Text));
    }
}

public sealed class NearestStoreSqlite() : NearestStoreTests("sqlite");

public sealed class NearestStorePostgres() : NearestStoreTests("postgres");
