using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Channels;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Demo;

/// <summary>The demo brand's tenant, as the host finds it (null when there is none).</summary>
public delegate Task<Guid?> AcquisitionDemoTenant(IServiceProvider services, CancellationToken ct);

/// <summary>A customer group the demo's WeCom holds for a store (its owner is one of the store's guides).</summary>
public sealed record DemoStoreGroup(Guid StoreId, string ChatId);

/// <summary>The demo WeCom's store groups, as the host made them.</summary>
public delegate IReadOnlyList<DemoStoreGroup> AcquisitionDemoGroups(IServiceProvider services);

/// <summary>
/// Gives the demo brand a campaign with channels and live codes, and a group code for each store's customer group,
/// made through the same use cases as the console, so the demo crowd's scans become arrivals. The demo's WeCom forgets
/// its ways on restart: a code whose way WeCom no longer knows gets a new one (a real corp keeps its ways, and this never
/// runs outside the demo).
/// </summary>
internal sealed class DemoLiveCodes(IServiceScopeFactory scopes, AcquisitionDemoTenant demoTenant, AcquisitionDemoGroups demoGroups,
    ILogger<DemoLiveCodes> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await demoTenant(scope.ServiceProvider, stoppingToken) is not { } tenant) return;
            scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "demo");
            var db = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
            if (await db.Channels.AnyAsync(stoppingToken)) await Rehome(scope.ServiceProvider, db, stoppingToken);
            else
            {
                await Seed(scope.ServiceProvider, tenant, stoppingToken);
                await SeedGroups(scope.ServiceProvider, demoGroups(scope.ServiceProvider), stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Demo live codes not prepared: {Error}", e.Message);
        }
    }

    private static async Task Seed(IServiceProvider sp, Guid tenant, CancellationToken ct)
    {
        var withWeCom = await sp.GetRequiredService<IOrganisationDirectory>().WeComStaff(tenant, ct);
        var guides = withWeCom.Where(s => s.Role == StaffRole.Guide).ToList();
        if (guides.Count == 0) return;
        var tags = await ChannelTags(sp.GetRequiredService<ICustomerTagging>(), ct);
        List<Guid> Tagged(params string[] names) => tags.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToList();
        var create = sp.GetRequiredService<CreateChannel>();
        var campaign = (await create.Handle(new SaveChannelRequest("双十二会员招募", ChannelKind.Event, 0m, null), ct)).Value!;
        var poster = (await create.Handle(new SaveChannelRequest("门店海报", ChannelKind.Poster, 1800m, campaign.Id), ct)).Value!;
        var parcel = (await create.Handle(new SaveChannelRequest("快递包裹卡", ChannelKind.ParcelCard, 2400m, campaign.Id), ct)).Value!;
        var live = (await create.Handle(new SaveChannelRequest("周五直播间", ChannelKind.LiveStream, 5000m, null), ct)).Value!;
        var codes = sp.GetRequiredService<CreateCode>();
        const string Text = "{客户昵称}您好！我是{门店名称}的{导购姓名}，新人礼：到店出示本消息，新品面包第二件半价。";
        var gift = new WelcomeRequest(Text, [new(Welcome.WelcomeItemKind.Link, Title: "新人礼券", Url: "https://maixiangfang.example.com/gift")]);
        PoolMemberRequest Member(int i, int? cap, bool backup = false) => new(guides[i % guides.Count].StaffId, cap, backup);
        await codes.Handle(new SaveCodeRequest(poster.Id, "门店海报码", [Member(0, 30), Member(1, 30), Member(2, null, backup: true)], AssignmentPolicy.RoundRobin,
            Welcome: gift, TagIds: Tagged("门店扫码")), ct);
        await codes.Handle(new SaveCodeRequest(parcel.Id, "包裹卡码", [Member(3, 50), Member(4, 50)], AssignmentPolicy.LeastLoaded,
            Welcome: gift, TagIds: Tagged("快递卡片")), ct);
        await codes.Handle(new SaveCodeRequest(live.Id, "直播间码", [Member(0, null), Member(3, null), Member(5, null)], AssignmentPolicy.Random,
            Schedule: new ScheduleRequest([5, 6], 18 * 60, 23 * 60), Welcome: gift, TagIds: Tagged("直播间")), ct);
        // One poster for every store: the customer's phone finds the nearest of the demo's stores in Shanghai, Hangzhou
        // and Beijing; a customer elsewhere gets head office's service staff (or, without any, the nearest store anyway).
        var nationwide = (await create.Handle(new SaveChannelRequest("全国门店海报", ChannelKind.Poster, 3000m, campaign.Id), ct)).Value!;
        var service = withWeCom.Where(s => s.Role == StaffRole.HqOperator).Take(2).Select(s => new PoolMemberRequest(s.StaffId)).ToList();
        var fallback = service.Count > 0 ? Routing.LbsFallback.ServiceStaff : Routing.LbsFallback.NearestBeyond;
        await codes.Handle(new SaveCodeRequest(nationwide.Id, "就近门店码", service.Count > 0 ? service : [Member(0, null)], AssignmentPolicy.RoundRobin,
            Welcome: gift, TagIds: Tagged("门店扫码"), Lbs: new LbsRequest(20, fallback, 50)), ct);
    }

    /// <summary>
    /// The brand's tags once the channel tags are among them: they come from WeCom's corp tags, which the first sync after
    /// connecting brings in a few seconds after start; a code made before would tag nobody.
    /// </summary>
    private static async Task<IReadOnlyList<TagChoice>> ChannelTags(ICustomerTagging tagging, CancellationToken ct)
    {
        string[] wanted = ["门店扫码", "快递卡片", "直播间"];
        for (var attempt = 0; ; attempt++)
        {
            var tags = await tagging.Tags(ct);
            if (attempt >= 60 || wanted.All(name => tags.Any(t => t.Name == name))) return tags;
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    /// <summary>
    /// A store-groups channel with one group code per store (fill to 200, then WeCom opens 「…福利2群」), and the
    /// nationwide poster's twin in group mode: the customer's phone finds the nearest store that has a group.
    /// </summary>
    private static async Task SeedGroups(IServiceProvider sp, IReadOnlyList<DemoStoreGroup> groups, CancellationToken ct)
    {
        if (groups.Count == 0) return;
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var tenant = sp.GetRequiredService<ActorContext>().TenantId!.Value;
        var stores = (await directory.Stores(tenant, ct)).ToDictionary(s => s.StoreId);
        var channel = (await sp.GetRequiredService<CreateChannel>().Handle(new SaveChannelRequest("门店福利群", ChannelKind.StoreCounter, 600m, null), ct)).Value!;
        var create = sp.GetRequiredService<Groups.CreateGroupCode>();
        const string Welcome = "欢迎%NICKNAME%加入门店福利群！每周五群内发放新品试吃券。";
        foreach (var group in groups.Where(g => stores.ContainsKey(g.StoreId)))
        {
            var store = stores[group.StoreId];
            await create.Handle(new Groups.SaveGroupCodeRequest(channel.Id, $"{store.Name}福利群", [group.ChatId], Cap: 200, AutoCreateRoom: true,
                RoomBaseName: $"{store.Name}福利", RoomBaseId: 2, Welcome: Welcome, StoreId: store.StoreId), ct);
        }
        var codes = sp.GetRequiredService<CreateCode>();
        // The pool is only the fallback's: in group mode the nearest store's group answers, and beyond the radius the nearest group anyway.
        var staff = await directory.WeComStaff(tenant, ct);
        if ((staff.FirstOrDefault(s => s.Role == StaffRole.HqOperator) ?? staff.FirstOrDefault()) is not { } service) return;
        await codes.Handle(new SaveCodeRequest(channel.Id, "就近门店福利群码", [new PoolMemberRequest(service.StaffId)], AssignmentPolicy.RoundRobin,
            Lbs: new LbsRequest(20, Routing.LbsFallback.NearestBeyond, 50, Groups: true)), ct);
    }

    private static async Task Rehome(IServiceProvider sp, AcquisitionDbContext db, CancellationToken ct)
    {
        var ways = sp.GetRequiredService<IWeComContactWays>();
        foreach (var code in await db.Codes.Where(c => c.Status == LiveCodeStatus.Active).ToListAsync(ct))
        {
            if (code.Routing is not null)
            {
                await ForgetLostStoreWays(ways, db, code, ct);
                continue;
            }
            // The restarted WeCom numbers its ways afresh, so an old id may now name another code's way: compare the state too.
            var found = await ways.Get(code.TenantId, code.ConfigId, ct);
            if (found.IsDone && found.Value!.State == code.State) continue;
            if (!found.IsDone && found.Status != ContactWayStatus.NotFound) continue;
            var users = code.LiveUserIds.Count > 0 ? code.LiveUserIds : code.Pool.Select(m => m.WeComUserId).ToList();
            var made = await ways.Create(code.TenantId, Pools.PoolSync.Spec(code, users), ct);
            if (!made.IsDone) continue;
            (code.ConfigId, code.QrCodeUrl, code.LiveUserIds) = (made.Value!.ConfigId, made.Value.QrCodeUrl, users.ToList());
        }
        var joinWays = sp.GetRequiredService<IWeComJoinWays>();
        foreach (var code in await db.GroupCodes.Where(c => c.Status == LiveCodeStatus.Active).ToListAsync(ct))
        {
            var found = await joinWays.Get(code.TenantId, code.ConfigId, ct);
            if (found.IsDone && found.Value!.State == code.State) continue;
            if (!found.IsDone && found.Status != ContactWayStatus.NotFound) continue;
            var chats = code.LiveChatIds.Count > 0 ? code.LiveChatIds : code.ChatIds;
            var made = await joinWays.Create(code.TenantId, Groups.GroupCodeSync.Spec(code, chats, withRoomCounter: true), ct);
            if (made.IsDone) (code.ConfigId, code.QrCodeUrl) = (made.Value!.ConfigId, made.Value.QrCodeUrl);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A nearest-store code's staff ways the restarted WeCom lost are forgotten; the landing page makes them again when it next picks their staff.</summary>
    private static async Task ForgetLostStoreWays(IWeComContactWays ways, AcquisitionDbContext db, LiveCode code, CancellationToken ct)
    {
        foreach (var way in await db.StoreWays.Where(w => w.CodeId == code.Id).ToListAsync(ct))
        {
            var found = await ways.Get(code.TenantId, way.ConfigId, ct);
            if (found.IsDone && found.Value!.State == way.State) continue;
            if (!found.IsDone && found.Status != ContactWayStatus.NotFound) continue;
            db.StoreWays.Remove(way);
        }
    }
}
