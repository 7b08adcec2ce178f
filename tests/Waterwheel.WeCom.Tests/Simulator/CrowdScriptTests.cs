using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

public sealed class CrowdScriptTests
{
    private static async Task<IReadOnlyList<CrowdOutcome>> RunScript(int seed, int steps)
    {
        await using var f = await WeComFixture.Start(crowd: o => o.Seed = seed);
        await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 2, User = ["guide.wang"], State = "poster" });
        return await f.Simulator.Crowd.Run(WeComFixture.CorpId, steps);
    }

    [Fact]
    public async Task Same_seed_same_story()
    {
        var a = await RunScript(7, 15);
        var b = await RunScript(7, 15);
        Assert.Equal(15, a.Count);
        Assert.Equal(a.Select(o => (o.Action, o.Userid, o.ExternalUserid, o.WelcomeCode)), b.Select(o => (o.Action, o.Userid, o.ExternalUserid, o.WelcomeCode)));
    }

    [Fact]
    public async Task Different_seed_different_story()
    {
        var a = await RunScript(7, 15);
        var b = await RunScript(8, 15);
        Assert.NotEqual(a.Select(o => (o.Action, o.ExternalUserid)), b.Select(o => (o.Action, o.ExternalUserid)));
    }

    [Fact]
    public async Task A_scripted_run_delivers_every_event_once_with_distinct_dedupe_keys()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 2, User = ["guide.wang"], State = "poster" });

        var outcomes = new List<CrowdOutcome>();
        for (var i = 0; i < 20; i++)
        {
            outcomes.AddRange(await f.Simulator.Crowd.Run(WeComFixture.CorpId, 1));
            f.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(outcomes, o => Assert.True(o.Delivery!.Delivered));
        var events = receiver.Received.Select(r => WeComEventParser.Parse(r.Plain.Value).Value!).ToList();
        Assert.Equal(outcomes.Count, events.Count);
        Assert.All(events, e => Assert.IsNotType<UnknownEvent>(e));
        Assert.Equal(events.Count, events.Select(e => e.DedupeKey).Distinct().Count());
        Assert.Equal(outcomes.Select(o => o.Action), events.Select(e => e.Header.ChangeType));
    }
}
