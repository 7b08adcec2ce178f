using Waterwheel.Testing;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Harness;

/// <summary>
/// A fresh simulator + client per test (tests mutate the corp and its faults), seeded with a small corp:
/// two stores, three guides, three customers, one tag group and two customer groups.
/// </summary>
internal sealed class WeComFixture : IAsyncDisposable
{
    public const string CorpId = "wwtest0000000001";
    public const string Secret = "secret-customer-app";

    private WeComFixture(FakeTimeProvider time, SimulatorHost simulator)
    {
        Time = time;
        Simulator = simulator;
        Clients = new ClientHost(simulator, time);
    }

    public FakeTimeProvider Time { get; }
    public SimulatorHost Simulator { get; }
    public ClientHost Clients { get; }
    public IWeComClient Client => Clients.Client;
    public SimulatorState State => Simulator.State;
    public SimCorp Corp => State.Corp(CorpId);
    public WeComApp App { get; } = new(CorpId, Secret);
    public SimTagGroup Channel { get; private set; } = null!;

    public static async Task<WeComFixture> Start(Func<HttpMessageHandler>? callbackHandler = null, Action<CrowdOptions>? crowd = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var fixture = new WeComFixture(time, await SimulatorHost.Start(time, callbackHandler, crowd));
        fixture.Seed();
        return fixture;
    }

    private void Seed()
    {
        var corp = State.AddCorp(CorpId, Secret);
        lock (State.Sync)
        {
            corp.Departments.Add(new SimDepartment { Id = 2, Name = "East region", ParentId = 1, Order = 1 });
            corp.Departments.Add(new SimDepartment { Id = 3, Name = "Store Nanjing Rd", ParentId = 2, Order = 1 });
            corp.AddStaff("guide.li", "Li Na", 3);
            corp.AddStaff("guide.wang", "Wang Fang", 3);
            corp.AddStaff("manager.zhao", "Zhao Lei", 2).CanFollow = false;
            Channel = corp.AddTagGroup("Channel", State.Now, "Store", "Parcel card");
            foreach (var name in new[] { "Chen Jing", "Yang Min", "Huang Xin" })
                corp.Relate("guide.li", corp.AddCustomer(name).ExternalUserid, State.Now, addWay: 1, state: "store-3");
            var group = corp.AddGroup("VIP Nanjing Rd", "guide.li", State.Now);
            group.Members.Add(new SimGroupMember { Userid = corp.Follows[0].ExternalUserid, Type = 2, JoinTime = State.Now, JoinScene = 3, InvitorUserid = "guide.li" });
            corp.AddGroup("New arrivals", "guide.wang", State.Now);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Simulator.DisposeAsync();
    }
}
