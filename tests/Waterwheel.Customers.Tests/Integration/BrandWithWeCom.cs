using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Tenancy;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Testing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// The real server and the WeCom simulator, wired as in production, with a brand shaped like the seeds': a store run
/// by head office (guide 王芳, WeCom userid guide.wang) and a store of a franchise dealer (guide 李娜, guide.li), a
/// dealer admin, and an analyst. Customers reach the Customers module only the way they do in production: a
/// simulated customer adds a guide, WeCom calls back, the WeCom module announces it. Accounts: li, wang, dealer,
/// manager (of the dealer's store), operator and analyst, all with <see cref="Password"/>; the bootstrap admin too.
/// </summary>
internal sealed class BrandWithWeCom : IAsyncDisposable
{
    public const string CorpId = "wwcustomers00001";
    private const string Secret = "customers-secret";
    private const string Token = "CustT0ken";
    private const string AesKey = "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6b";
    public const string Password = "Staff-pass-2026";

    private WaterwheelApp? _app;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());
    public SimulatorHost Simulator { get; private set; } = null!;
    public WaterwheelApp App => _app!;
    public HttpClient Admin { get; private set; } = null!;
    public Guid TenantId { get; private set; }
    public Guid DealerStore { get; private set; }
    public Guid HqStore { get; private set; }
    public Guid Dealer { get; private set; }

    public static async Task<BrandWithWeCom> Start(string provider)
    {
        var brand = new BrandWithWeCom();
        brand.Simulator = await SimulatorHost.Start(brand.Time, () => brand.App.Server.CreateHandler());
        brand._app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = brand.Simulator.Server.BaseAddress.ToString(),
                ["Waterwheel:WeCom:RunSync"] = "false",
                ["Waterwheel:Outbox:PollInterval"] = "00:00:00.050",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(brand.Time);
                services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => brand.Simulator.Server.CreateHandler()));
            });
        brand.Admin = await brand.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        brand.TenantId = (await brand.Admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        await brand.Organise();
        await brand.Connect();
        return brand;
    }

    private async Task Organise()
    {
        var units = await Admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var region = await Created("/api/platform/org-units", new { parentId = hq, kind = "Region", name = "华东大区", code = "EAST" });
        var dealer = Dealer = await Created("/api/platform/org-units", new { parentId = region, kind = "Dealer", name = "杭州禾丰商贸", code = "HEFENG" });
        HqStore = await Created("/api/platform/stores", Store(region, "南京西路店", "HQ01"));
        DealerStore = await Created("/api/platform/stores", Store(dealer, "滨江店", "DL01"));
        var li = await Created("/api/platform/staff", new { name = "李娜", mobile = "13700000001", role = "Guide", storeId = DealerStore, weComUserId = "guide.li" });
        var wang = await Created("/api/platform/staff", new { name = "王芳", mobile = "13700000002", role = "Guide", storeId = HqStore, weComUserId = "guide.wang" });
        var dealerAdmin = await Created("/api/platform/staff", new { name = "周经理", mobile = "13700000003", role = "DealerAdmin", orgUnitId = dealer });
        var analyst = await Created("/api/platform/staff", new { name = "分析员", mobile = "13700000004", role = "Analyst", orgUnitId = hq });
        var operatorId = await Created("/api/platform/staff", new { name = "运营", mobile = "13700000005", role = "HqOperator", orgUnitId = hq });
        var manager = await Created("/api/platform/staff", new { name = "孙店长", mobile = "13700000006", role = "StoreManager", storeId = DealerStore });
        foreach (var (staff, user) in new[] { (li, "li"), (wang, "wang"), (dealerAdmin, "dealer"), (analyst, "analyst"), (operatorId, "operator"), (manager, "manager") })
            (await Admin.PostAsJsonAsync($"/api/platform/staff/{staff}/account", new { userName = user, password = Password })).EnsureSuccessStatusCode();
    }

    private static object Store(Guid unit, string name, string code) => new
    {
        code, name, orgUnitId = unit, province = "浙江省", city = "杭州市", district = "滨江区", address = "江南大道1号",
        latitude = 30.2, longitude = 120.2, openingHours = "08:00-21:00", phone = "0571-12345678",
    };

    private async Task<Guid> Created(string url, object body)
    {
        using var response = await Admin.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task Connect()
    {
        var corp = Simulator.State.AddCorp(CorpId, Secret);
        lock (Simulator.State.Sync)
        {
            corp.AddStaff("guide.li", "李娜", 1);
            corp.AddStaff("guide.wang", "王芳", 1);
            corp.Callback = new SimCallbackConfig(new Uri(App.Server.BaseAddress, $"/wecom/callback/{TenantId:N}"), Token, AesKey);
        }
        (await Admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = "欢迎！" })).EnsureSuccessStatusCode();
    }

    public Task<HttpClient> SignedIn(string user) => App.SignedIn(user, Password);

    /// <summary>A simulated customer adds the guide; returns their external_userid once their profile exists.</summary>
    public async Task<string> CustomerAdds(string guideUserId)
    {
        var outcome = await Simulator.Crowd.AddStaff(CorpId, guideUserId);
        Assert.NotNull(outcome.Delivery);
        await Eventually(async () => await ProfileOf(outcome.ExternalUserid) is not null, $"the profile of {outcome.ExternalUserid}");
        return outcome.ExternalUserid;
    }

    /// <summary>The profile holding an external_userid, read as the tenant's system actor (who sees every profile).</summary>
    public Task<CustomerProfile?> ProfileOf(string externalUserId) => Read(db =>
        (from i in db.Identities where i.Type == IdentityType.WeComExternalUserId && i.Key == externalUserId
         join p in db.Profiles on i.ProfileId equals p.Id select p).AsNoTracking().FirstOrDefaultAsync());

    public Task<T> Read<T>(Func<CustomersDbContext, Task<T>> query) => App.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(TenantId);
        return query(sp.GetRequiredService<CustomersDbContext>());
    });

    /// <summary>Waits for asynchronous handling to show its effect, failing with what it waited for.</summary>
    public static async Task Eventually(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Gave up waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Simulator is not null) await Simulator.DisposeAsync();
    }
}
