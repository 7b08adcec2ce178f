using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// The real server and the WeCom simulator, wired as in production, with one store (滨江店) and three guides with
/// WeCom accounts: 李娜 (guide.li), 王芳 (guide.wang) and 赵敏 (guide.zhao). The clock is fake and starts at 10:00 in
/// Shanghai, so a day's caps never roll over mid-test.
/// </summary>
internal sealed class AcquisitionBrand : IAsyncDisposable
{
    public const string CorpId = "wwacquisition001";
    private const string Secret = "acquisition-secret";
    private const string Token = "AcqT0ken";
    private const string AesKey = "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6b";
    public const string StoreName = "滨江店";

    private WaterwheelApp? _app;

    public FakeTimeProvider Time { get; } = new(NextTenOClockInShanghai());
    public SimulatorHost Simulator { get; private set; } = null!;
    public WaterwheelApp App => _app!;
    public HttpClient Admin { get; private set; } = null!;
    public Guid TenantId { get; private set; }
    public Dictionary<string, Guid> Staff { get; } = [];
    public SimCorp Corp => Simulator.State.Corp(CorpId);

    public static async Task<AcquisitionBrand> Start(string provider, IDictionary<string, string?>? settings = null)
    {
        var brand = new AcquisitionBrand();
        brand.Simulator = await SimulatorHost.Start(brand.Time, () => brand.App.Server.CreateHandler());
        brand._app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = brand.Simulator.Server.BaseAddress.ToString(),
                ["Waterwheel:WeCom:RunSync"] = "false",
                ["Waterwheel:Outbox:PollInterval"] = "00:00:00.050",
                // Tests run the pool upkeep by hand rather than racing it.
                ["Waterwheel:Jobs:RunRecurring"] = "false",
            }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(),
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

    private static DateTimeOffset NextTenOClockInShanghai()
    {
        var now = TimeProvider.System.GetUtcNow();
        var tenLocal = new DateTimeOffset(now.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);
        return tenLocal > now ? tenLocal : tenLocal.AddDays(1);
    }

    private async Task Organise()
    {
        var units = await Admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = HeadOffice = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var region = Region = await Created("/api/platform/org-units", new { parentId = hq, kind = "Region", name = "华东大区", code = "EAST" });
        var store = await Created("/api/platform/stores", new
        {
            code = "HZ01", name = StoreName, orgUnitId = region, province = "浙江省", city = "杭州市", district = "滨江区", address = "江南大道1号",
            latitude = 30.2, longitude = 120.2, openingHours = "08:00-21:00", phone = "0571-12345678",
        });
        var mobile = 13700000001;
        foreach (var (user, name) in Guides)
            Staff[user] = await Created("/api/platform/staff", new { name, mobile = (mobile++).ToString(System.Globalization.CultureInfo.InvariantCulture), role = "Guide", storeId = store, weComUserId = user });
    }

    public Guid HeadOffice { get; private set; }

    /// <summary>The region the stores sit under.</summary>
    public Guid Region { get; private set; }

    /// <summary>Another store, at the given place.</summary>
    public Task<Guid> Store(string code, string name, string province, string city, string address, double latitude, double longitude) =>
        Created("/api/platform/stores", new
        {
            code, name, orgUnitId = Region, province, city, district = "", address, latitude, longitude, openingHours = "08:00-21:00", phone = "021-12345678",
        });

    /// <summary>Another staff member with a WeCom account, known to the simulated corp as well.</summary>
    public async Task<Guid> Member(string user, string name, string role, Guid? storeId, string mobile)
    {
        var id = Staff[user] = await Created("/api/platform/staff", storeId is null
            ? new { name, mobile, role, orgUnitId = (Guid?)HeadOffice, storeId, weComUserId = user }
            : new { name, mobile, role, orgUnitId = (Guid?)null, storeId, weComUserId = user });
        lock (Simulator.State.Sync) Corp.AddStaff(user, name, 1);
        return id;
    }

    public static readonly (string User, string Name)[] Guides = [("guide.li", "李娜"), ("guide.wang", "王芳"), ("guide.zhao", "赵敏")];

    private async Task Connect()
    {
        var corp = Simulator.State.AddCorp(CorpId, Secret);
        lock (Simulator.State.Sync)
        {
            foreach (var (user, name) in Guides) corp.AddStaff(user, name, 1);
            corp.Callback = new SimCallbackConfig(new Uri(App.Server.BaseAddress, $"/wecom/callback/{TenantId:N}"), Token, AesKey);
        }
        (await Admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = "欢迎光临！" })).EnsureSuccessStatusCode();
    }

    public async Task<Guid> Created(string url, object body) => (await Send(Admin.PostAsJsonAsync(url, body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> Send(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<Guid> Tag(string name)
    {
        var group = await Created("/api/audiences/tag-groups", new { name = name + "组", multiValued = true });
        return await Created("/api/audiences/tags", new { groupId = group, name });
    }

    /// <summary>Runs code as the tenant's system actor in a fresh scope.</summary>
    public Task<T> AsTenant<T>(Func<IServiceProvider, Task<T>> action) => App.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(TenantId);
        return action(sp);
    });

    /// <summary>Waits for asynchronous handling, failing with what it waited for.</summary>
    public static Task Eventually(Func<Task<bool>> done, string what, int tries = 300, Action? between = null) =>
        Eventually(done, () => Task.FromResult(what), tries, between);

    /// <summary>As above, describing what it waited for (and what it saw) only when it gives up.</summary>
    public static async Task Eventually(Func<Task<bool>> done, Func<Task<string>> what, int tries = 300, Action? between = null)
    {
        for (var i = 0; i < tries; i++)
        {
            if (await done()) return;
            between?.Invoke();
            await Task.Delay(50);
        }
        Assert.Fail($"Gave up waiting for {await what()}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Simulator is not null) await Simulator.DisposeAsync();
    }
}
