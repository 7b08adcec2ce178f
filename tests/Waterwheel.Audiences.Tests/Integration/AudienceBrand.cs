using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Testing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// The real server and the WeCom simulator with a brand shaped like the seeds': a head-office store (guide 王芳,
/// guide.wang) and a franchise dealer's store (guide 李娜, guide.li), a dealer admin, an HQ operator and an analyst.
/// Customers arrive as in production: a simulated customer adds a guide, WeCom calls back, the WeCom module announces
/// it, Customers makes the profile and tells Audiences. Accounts: li, wang, dealer, operator, analyst (<see cref="Password"/>).
/// </summary>
internal sealed class AudienceBrand : IAsyncDisposable
{
    public const string CorpId = "wwaudiences00001";
    private const string Secret = "audiences-secret";
    private const string Token = "AudT0ken";
    private const string AesKey = "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6b";
    public const string Password = "Staff-pass-2026";

    private WaterwheelApp? _app;
    private HttpClient? _dealer;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());
    public SimulatorHost Simulator { get; private set; } = null!;
    public WaterwheelApp App => _app!;
    public HttpClient Admin { get; private set; } = null!;

    public static async Task<AudienceBrand> Start(string provider)
    {
        var brand = new AudienceBrand();
        brand.Simulator = await SimulatorHost.Start(brand.Time, () => brand.App.Server.CreateHandler());
        brand._app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = brand.Simulator.Server.BaseAddress.ToString(),
                ["Waterwheel:WeCom:RunSync"] = "false",
                ["Waterwheel:Outbox:PollInterval"] = "00:00:00.050",
                ["Waterwheel:Audiences:TailInterval"] = "00:00:00.050",
                ["Waterwheel:Audiences:MembershipInterval"] = "00:00:00.100",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(brand.Time);
                services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => brand.Simulator.Server.CreateHandler()));
            });
        brand.Admin = await brand.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        await brand.Organise();
        await brand.Connect();
        return brand;
    }

    private async Task Organise()
    {
        var units = await Admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var region = await Created("/api/platform/org-units", new { parentId = hq, kind = "Region", name = "华东大区", code = "EAST" });
        var dealer = await Created("/api/platform/org-units", new { parentId = region, kind = "Dealer", name = "杭州禾丰商贸", code = "HEFENG" });
        var hqStore = await Created("/api/platform/stores", Store(region, "南京西路店", "HQ01"));
        var dealerStore = await Created("/api/platform/stores", Store(dealer, "滨江店", "DL01"));
        var li = await Created("/api/platform/staff", new { name = "李娜", mobile = "13700000001", role = "Guide", storeId = dealerStore, weComUserId = "guide.li" });
        var wang = await Created("/api/platform/staff", new { name = "王芳", mobile = "13700000002", role = "Guide", storeId = hqStore, weComUserId = "guide.wang" });
        var dealerAdmin = await Created("/api/platform/staff", new { name = "周经理", mobile = "13700000003", role = "DealerAdmin", orgUnitId = dealer });
        var analyst = await Created("/api/platform/staff", new { name = "分析员", mobile = "13700000004", role = "Analyst", orgUnitId = hq });
        var operatorId = await Created("/api/platform/staff", new { name = "运营", mobile = "13700000005", role = "HqOperator", orgUnitId = hq });
        foreach (var (staff, user) in new[] { (li, "li"), (wang, "wang"), (dealerAdmin, "dealer"), (analyst, "analyst"), (operatorId, "operator") })
            (await Admin.PostAsJsonAsync($"/api/platform/staff/{staff}/account", new { userName = user, password = Password })).EnsureSuccessStatusCode();
    }

    private static object Store(Guid unit, string name, string code) => new
    {
        code, name, orgUnitId = unit, province = "浙江省", city = "杭州市", district = "滨江区", address = "江南大道1号",
        latitude = 30.2, longitude = 120.2, openingHours = "08:00-21:00", phone = "0571-12345678",
    };

    public async Task<Guid> Created(string url, object body)
    {
        using var response = await Admin.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task Connect()
    {
        var corp = Simulator.State.AddCorp(CorpId, Secret);
        var tenant = (await Admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        lock (Simulator.State.Sync)
        {
            corp.AddStaff("guide.li", "李娜", 1);
            corp.AddStaff("guide.wang", "王芳", 1);
            corp.Callback = new SimCallbackConfig(new Uri(App.Server.BaseAddress, $"/wecom/callback/{tenant:N}"), Token, AesKey);
        }
        (await Admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = "欢迎！" })).EnsureSuccessStatusCode();
    }

    public Task<HttpClient> SignedIn(string user) => App.SignedIn(user, Password);

    /// <summary>A simulated customer adds the guide; returns their profile's id once the profile exists.</summary>
    public async Task<Guid> CustomerAdds(string guideUserId) => (await ContactAdds(guideUserId)).ProfileId;

    /// <summary>A simulated customer adds the guide; returns their profile's id once it exists, and their external_userid.</summary>
    public async Task<(Guid ProfileId, string ExternalUserId)> ContactAdds(string guideUserId)
    {
        var outcome = await Simulator.Crowd.AddStaff(CorpId, guideUserId);
        Assert.NotNull(outcome.Delivery);
        // Head office cannot find a dealer's customer by identifier (it counts them without seeing them): the dealer can.
        var seer = guideUserId == "guide.li" ? _dealer ??= await SignedIn("dealer") : Admin;
        Guid? id = null;
        await Eventually(async () =>
        {
            var found = await seer.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={outcome.ExternalUserid}");
            var items = found.GetProperty("items");
            if (items.GetArrayLength() == 1) id = items[0].GetProperty("id").GetGuid();
            return id is not null;
        }, $"the profile of {outcome.ExternalUserid}; the server said:\n{string.Join("\n", App.Log.Lines.TakeLast(8))}");
        return (id!.Value, outcome.ExternalUserid);
    }

    /// <summary>Waits for asynchronous handling to show its effect, failing with what it waited for.</summary>
    public static Task Eventually(Func<Task<bool>> done, string what, int tries = 600) => Eventually(done, () => what, tries);

    /// <summary>
    /// As above, the description made when it fails, so that it can tell what was seen last; <paramref name="between"/>
    /// runs after each look (to move the fake clock, so that a message put back for a retry comes due).
    /// </summary>
    public static async Task Eventually(Func<Task<bool>> done, Func<string> what, int tries = 600, Action? between = null)
    {
        for (var i = 0; i < tries; i++)
        {
            if (await done()) return;
            await Task.Delay(50);
            between?.Invoke();
        }
        Assert.Fail($"Gave up waiting for {what()}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Simulator is not null) await Simulator.DisposeAsync();
    }
}
