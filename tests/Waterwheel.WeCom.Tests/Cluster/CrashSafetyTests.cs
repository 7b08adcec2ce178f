using System.Collections.Concurrent;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Tests.Integration;
using Xunit.Abstractions;

namespace Waterwheel.WeCom.Tests.Cluster;

/// <summary>
/// The server process is SIGKILLed (no shutdown code runs) and started again on the same database: while the simulator
/// pushes callbacks, and between WeCom delivering a welcome message and the server recording it.
/// </summary>
public abstract class CrashSafetyTests(string provider, ITestOutputHelper output)
{
    private const int Adds = 40;
    private const string WelcomeApi = "externalcontact/send_welcome_msg";

    [Fact]
    public async Task Every_answered_callback_is_handled_exactly_once_across_a_kill()
    {
        await using var cluster = await ClusterHarness.Start(provider, output);
        await cluster.Connect(await cluster.StartNode("node"));

        var outcomes = new ConcurrentBag<CrowdOutcome>();
        var pushing = Task.WhenAll(Enumerable.Range(0, Adds).Select(async i =>
        {
            await Task.Delay(i * 40);
            outcomes.Add(await cluster.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, i % 2 == 0 ? "guide.li" : "guide.wang"));
        }));
        await Task.Delay(Adds * 40 / 3);
        await cluster.Kill("node");
        await cluster.StartNode("node");
        await pushing;

        var answered = outcomes.Where(o => o.Delivery?.Delivered == true).Select(o => o.ExternalUserid).ToHashSet();
        Assert.NotEmpty(answered);
        await cluster.Eventually(async () => (await cluster.Callbacks()) is var all && all.Count >= answered.Count && all.All(c => c.ProcessedAt is not null),
            "every stored callback is handled");
        // Stored once each (a callback stored just before the kill but never answered is stored too: WeCom would retry it).
        var stored = await cluster.Callbacks();
        Assert.All(answered, a => Assert.Single(stored, c => c.Partition == a));
        Assert.All(stored, c => Assert.NotNull(c.ProcessedAt));
        await cluster.AssertWelcomedAtMostOnce(answered);
    }

    [Fact]
    public async Task A_kill_between_the_welcome_being_sent_and_recorded_sends_no_second_welcome()
    {
        await using var cluster = await ClusterHarness.Start(provider, output);
        await cluster.Connect(await cluster.StartNode("node"));
        var sent = new TaskCompletionSource();
        var holding = 0;
        // WeCom delivers the first welcome, then the node dies before it hears so (and so before it commits).
        cluster.Simulator.State.Faults.HoldAnswers(WelcomeApi, async ct =>
        {
            if (Interlocked.Exchange(ref holding, 1) != 0) return;
            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });

        var added = await cluster.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        Assert.True(added.Delivery?.Delivered);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.Kill("node");
        Assert.Empty(await cluster.Welcomed());
        await cluster.StartNode("node");

        await cluster.Eventually(async () => (await cluster.Welcomed()).Contains(added.ExternalUserid), "the restarted node records the welcome");
        lock (cluster.Simulator.State.Sync) Assert.Single(cluster.Corp.Delivered, d => d.ExternalUserid == added.ExternalUserid);
        // The restarted node did try again, and WeCom refused the used code (41051), which the node took as sent.
        Assert.Equal(2, cluster.Simulator.State.Faults.Calls(WelcomeApi));
    }
}

public sealed class CrashSafetySqlite(ITestOutputHelper output) : CrashSafetyTests("sqlite", output);

public sealed class CrashSafetyPostgres(ITestOutputHelper output) : CrashSafetyTests("postgres", output);
