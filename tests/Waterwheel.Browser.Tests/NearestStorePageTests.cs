using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>
/// The real server on a loopback port, connected to the WeCom simulator, with one store and guide in each of Shanghai,
/// Hangzhou and Beijing, an HQ service member, and a nearest-store code (30 km, fallback to service staff).
/// </summary>
public sealed class NearestStoreBrowserApp : IAsyncLifetime
{
    private const string CorpId = "wwlbsbrowser01";
    private const string Secret = "lbs-browser-secret";
    private SimulatorHost _simulator = null!;
    private IPlaywright? _playwright;

    public WaterwheelApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string Landing { get; private set; } = "";
    public Guid CodeId { get; private set; }

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.Start(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        App = new WaterwheelApp(await TestDatabase.Create("sqlite"),
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = _simulator.Server.BaseAddress.ToString(),
                ["Waterwheel:WeCom:RunSync"] = "false",
                ["Waterwheel:Jobs:RunRecurring"] = "false",
            },
            services => services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => _simulator.Server.CreateHandler())));
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        App.ClientOptions.BaseAddress = new Uri(BaseUrl);
        Landing = await Brand();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task<string> Brand()
    {
        var corp = _simulator.State.AddCorp(CorpId, Secret);
        using var admin = await App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        (await admin.PutAsJsonAsync("/api/wecom/connection", new
        {
            corpId = CorpId, secret = Secret, callbackToken = "LbsT0ken", encodingAesKey = "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6b", welcomeText = "欢迎！",
        })).EnsureSuccessStatusCode();
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var region = await Created(admin, "/api/platform/org-units", new { parentId = hq, kind = "Region", name = "全国", code = "CN" });
        var mobile = 13600000001;
        async Task<Guid> Staff(string user, string name, string role, Guid? store)
        {
            lock (_simulator.State.Sync) corp.AddStaff(user, name, 1);
            return await Created(admin, "/api/platform/staff", new
            {
                name, mobile = (mobile++).ToString(System.Globalization.CultureInfo.InvariantCulture), role, storeId = store,
                orgUnitId = store is null ? hq : (Guid?)null, weComUserId = user,
            });
        }
        foreach (var (code, name, province, city, address, lat, lng, user, guide) in Stores)
        {
            var store = await Created(admin, "/api/platform/stores", new
            {
                code, name, orgUnitId = region, province, city, district = "", address, latitude = lat, longitude = lng, openingHours = "08:00-21:00", phone = "400-000-0000",
            });
            await Staff(user, guide, "Guide", store);
        }
        var service = await Staff("hq.service", "总部客服小麦", "HqOperator", null);
        var channel = await Created(admin, "/api/acquisition/channels", new { name = "全国海报", kind = "Poster", cost = 0m });
        using var response = await admin.PostAsJsonAsync("/api/acquisition/codes", new
        {
            channelId = channel, name = "就近门店码", pool = new[] { new { staffId = service } }, lbs = new { radiusKm = 30, fallback = "ServiceStaff" },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"The code was not made: {body}");
        var made = JsonDocument.Parse(body).RootElement;
        CodeId = made.GetProperty("id").GetGuid();
        return made.GetProperty("lbs").GetProperty("landingPath").GetString()!;
    }

    public static readonly (string Code, string Name, string Province, string City, string Address, double Lat, double Lng, string User, string Guide)[] Stores =
    [
        ("SH001", "南京西路店", "上海市", "上海市", "静安区南京西路1618号", 31.2231, 121.4452, "guide.sh", "上海导购小王"),
        ("HZ001", "湖滨银泰店", "浙江省", "杭州市", "上城区延安路258号", 30.2590, 120.1640, "guide.hz", "杭州导购小李"),
        ("BJ001", "三里屯店", "北京市", "北京市", "朝阳区三里屯路19号", 39.9330, 116.4540, "guide.bj", "北京导购小赵"),
    ];

    private static async Task<Guid> Created(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }
}

/// <summary>
/// A customer's phone in real Chromium, at 390×844, with its location set to Shanghai, Hangzhou, Beijing and Chengdu
/// (no store within 30 km), and one that refuses to tell: each sees the right store and guide, or the fallback, or
/// the city picker.
/// </summary>
public sealed class NearestStorePageTests(NearestStoreBrowserApp browser) : IClassFixture<NearestStoreBrowserApp>
{
    [Theory]
    [InlineData(31.2304, 121.4737, "南京西路店", "上海导购小王")]
    [InlineData(30.2590, 120.1500, "湖滨银泰店", "杭州导购小李")]
    [InlineData(39.9360, 116.4550, "三里屯店", "北京导购小赵")]
    public async Task A_customer_is_shown_their_nearest_stores_guide(double latitude, double longitude, string store, string guide)
    {
        var (page, errors) = await Phone(new Geolocation { Latitude = (float)latitude, Longitude = (float)longitude }, ["geolocation"]);
        await page.GotoAsync(browser.Landing);
        await Assertions.Expect(page.GetByTestId("store-name")).ToHaveTextAsync(store);
        await Assertions.Expect(page.GetByTestId("store-distance")).ToContainTextAsync("公里");
        await Assertions.Expect(page.GetByTestId("staff-name")).ToContainTextAsync(guide);
        await Assertions.Expect(page.GetByTestId("landing-notice")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("staff-qr")).ToHaveAttributeAsync("src", new Regex("^https://"));
        await FitsThePhone(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_customer_far_from_every_store_is_given_head_offices_service_staff()
    {
        var (page, errors) = await Phone(new Geolocation { Latitude = 30.6586f, Longitude = 104.0647f }, ["geolocation"]);
        await page.GotoAsync(browser.Landing);
        await Assertions.Expect(page.GetByTestId("landing-notice")).ToHaveTextAsync("您附近暂无门店，已为您安排总部客服。");
        await Assertions.Expect(page.GetByTestId("staff-name")).ToContainTextAsync("总部客服小麦");
        await Assertions.Expect(page.GetByTestId("store-name")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_customer_who_refuses_their_location_picks_a_city()
    {
        var (page, errors) = await Phone(null, []);
        await page.GotoAsync(browser.Landing);
        await Assertions.Expect(page.GetByTestId("city-picker")).ToBeVisibleAsync();
        await page.GetByTestId("city-select").SelectOptionAsync("北京市");
        await page.GetByTestId("city-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("store-name")).ToHaveTextAsync("三里屯店");
        await Assertions.Expect(page.GetByTestId("staff-name")).ToContainTextAsync("北京导购小赵");
        await FitsThePhone(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_operator_sees_the_codes_landing_page_and_what_it_counted()
    {
        var (phone, _) = await Phone(null, []);
        await phone.GotoAsync(browser.Landing);
        await Assertions.Expect(phone.GetByTestId("city-picker")).ToBeVisibleAsync();

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"/acquire/codes/{browser.CodeId}");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("code-landing")).ToHaveTextAsync(new Regex(Regex.Escape(browser.Landing) + "$"));
        var stats = page.GetByTestId("code-landing-stats");
        await Assertions.Expect(stats.Locator("tr", new() { HasTextString = "页面访问" })).ToContainTextAsync(new Regex("[1-9]"));
        await Assertions.Expect(stats.Locator("tr", new() { HasTextString = "拒绝定位" })).ToContainTextAsync(new Regex("[1-9]"));
        await Assertions.Expect(page.Locator("input[data-testid=code-lbs], [data-testid=code-lbs] input").First).ToBeDisabledAsync();
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> Phone(Geolocation? where, string[] permissions)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            Geolocation = where, Permissions = permissions,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Nothing is wider than the phone: no sideways scrolling.</summary>
    private static async Task FitsThePhone(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
}
