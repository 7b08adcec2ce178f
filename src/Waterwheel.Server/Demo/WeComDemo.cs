using Waterwheel.Acquisition;
using Waterwheel.Acquisition.Demo;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Demo;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Server.Demo;

/// <summary>
/// In demo mode the WeCom simulator runs inside the server at /wecom-sim, and the demo brand's connection points at
/// it. The real client and the real callback receiver talk to it over HTTP, exactly as they would to WeCom.
/// </summary>
internal static class WeComDemo
{
    public const string CorpId = "wwmaixiangfang01";
    public const string Secret = "demo-customer-contact-secret";
    public const string Token = "MaiXiangFang2026";
    public const string AesKey = "MxfDemoAesKey0123456789abcdefghijklmnopqrst";
    public const string DemoTenantCode = "maixiangfang";
    public const string WelcomeText = "您好，欢迎加入麦香坊会员！到店出示本消息，新品面包第二件半价。";

    public static bool IsOn(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled") && configuration.GetValue("Waterwheel:WeCom:Simulator", true);

    /// <summary>Before AddWeCom: points the WeCom client at the in-process simulator.</summary>
    public static void AddWeComDemo(this WebApplicationBuilder builder)
    {
        if (!IsOn(builder.Configuration)) return;
        builder.Configuration["Waterwheel:WeCom:BaseAddress"] = LocalBase(builder.Configuration) + "/wecom-sim/";
        builder.Services.AddWeComSimulator();
        builder.Services.AddHostedService<DemoCrowd>();
        builder.Services.AddSingleton<DemoStoreGroups>();
        builder.Services.AddAcquisitionDemo((services, ct) => services.GetRequiredService<IOrganisationDirectory>().FindTenant(DemoTenantCode, ct),
            services => services.GetRequiredService<DemoStoreGroups>().Made);
    }

    public static async Task StartWeComDemoAsync(this WebApplication app)
    {
        if (!IsOn(app.Configuration)) return;
        app.MapGroup("/wecom-sim").AllowAnonymous().ExcludeFromDescription().MapWeComSimulator();

        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        if (await directory.FindTenant(DemoTenantCode, default) is not { } tenantId) return;
        var staff = await directory.WeComStaff(tenantId, default);
        app.Services.GetRequiredService<DemoStoreGroups>().Made = SeedSimulator(app.Services.GetRequiredService<SimulatorState>(), staff,
            new Uri(LocalBase(app.Configuration) + WeComCallbackUrls.PathFor(tenantId)));

        var connections = app.Services.GetRequiredService<IWeComConnections>();
        if (await connections.IsConnected(tenantId, default)) return;
        await connections.Connect(tenantId, new SaveConnectionRequest
        {
            CorpId = CorpId, Secret = Secret, CallbackToken = Token, EncodingAesKey = AesKey, WelcomeText = WelcomeText,
        }, default);
    }

    /// <summary>
    /// The simulator forgets everything on restart: give it the demo brand's staff, one 「联系我」 code and one customer
    /// group per store, and the brand's corp tags. The server learns groups and tags from its first full sync. The
    /// groups are numbered in the same order on every start, so a group code made on an earlier run still names them.
    /// </summary>
    private static IReadOnlyList<DemoStoreGroup> SeedSimulator(SimulatorState state, IReadOnlyList<StaffRef> staff, Uri callback)
    {
        var corp = state.AddCorp(CorpId, Secret);
        var groups = new List<DemoStoreGroup>();
        lock (state.Sync)
        {
            foreach (var member in staff) corp.AddStaff(member.WeComUserId, member.Name, 1);
            // WeCom knows people the platform does not: the console lists them as not linked to a staff record.
            corp.AddStaff("wecom.it", "企微管理员", 1).CanFollow = false;
            foreach (var store in staff.Where(s => s.Role == StaffRole.Guide && s.StoreCode is not null).GroupBy(s => s.StoreCode!))
            {
                var way = new SimContactWay
                {
                    ConfigId = corp.NewId("cw"), Type = 2, Scene = 2, Remark = $"门店码 {store.Key}", State = $"store-{store.Key}",
                    Users = store.Select(s => s.WeComUserId).ToList(), CreateTime = state.Now,
                };
                corp.ContactWays[way.ConfigId] = way;
                var group = corp.AddGroup($"{store.First().StoreName}福利群", store.First().WeComUserId, state.Now);
                groups.Add(new DemoStoreGroup(store.First().StoreId!.Value, group.ChatId));
            }
            corp.AddTagGroup("渠道", state.Now, "门店扫码", "快递卡片", "直播间");
            corp.AddTagGroup("口味偏好", state.Now, "甜口", "咸口", "低糖");
            corp.AddTagGroup("会员等级", state.Now, "普通会员", "银卡", "金卡");
            corp.Callback = new SimCallbackConfig(callback, Token, AesKey);
        }
        return groups;
    }

    /// <summary>The store groups this start gave the simulator, for the demo's group codes.</summary>
    private sealed class DemoStoreGroups
    {
        public IReadOnlyList<DemoStoreGroup> Made { get; set; } = [];
    }

    internal static string LocalBase(IConfiguration configuration)
    {
        var first = (configuration["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").TrimEnd('/');
    }
}
