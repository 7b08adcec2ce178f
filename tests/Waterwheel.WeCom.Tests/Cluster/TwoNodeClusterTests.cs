using System.Collections.Concurrent;
using System.Net;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Tests.Integration;
using Xunit.Abstractions;

namespace Waterwheel.WeCom.Tests.Cluster;

/// <summary>
/// Two server processes on one PostgreSQL and one Redis behind a round-robin balancer, one of them SIGKILLed mid-stream
/// and started again: the cluster behaves like one server that never went down.
/// </summary>
public sealed class TwoNodeClusterTests(ITestOutputHelper output)
{
    private const int Customers = 48;

    [Fact]
    public async Task Every_answered_callback_is_handled_once_in_order_with_at_most_one_welcome_while_a_node_is_killed()
    {
        await using var cluster = await ClusterHarness.Start("postgres", output);
        var first = await cluster.StartNode("node-1");
        var second = await cluster.StartNode("node-2");
        await cluster.Connect(first);

        // Every third customer deletes the guide right after adding: their two events must be handled in that order.
        var outcomes = new ConcurrentBag<CrowdOutcome>();
        var leavers = new ConcurrentBag<string>();
        var pushing = Task.WhenAll(Enumerable.Range(0, Customers).Select(async i =>
        {
            await Task.Delay(i * 40);
            var staff = i % 2 == 0 ? "guide.li" : "guide.wang";
            var added = await cluster.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, staff);
            outcomes.Add(added);
            if (i % 3 != 0) return;
            var left = await cluster.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, staff, added.ExternalUserid);
            outcomes.Add(left);
            if (added.Delivery?.Delivered == true && left.Delivery?.Delivered == true) leavers.Add(added.ExternalUserid);
        }));

        // Two operators start a sync at the same moment on different nodes: at most one run starts (none, when the
        // first reconciliation of the new connection already runs), the other is told one runs.
        using var adminOne = await cluster.Admin(first);
        using var adminTwo = await cluster.Admin(second);
        var starts = await Task.WhenAll(adminOne.PostAsync("/api/wecom/sync/customers", null), adminTwo.PostAsync("/api/wecom/sync/customers", null));
        Assert.All(starts, s => Assert.Contains(s.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.True(starts.Count(s => s.StatusCode == HttpStatusCode.Created) <= 1, "Two syncs of one tenant started.");

        await Task.Delay(Customers * 40 / 3);
        await cluster.Kill("node-1");              // SIGKILL mid-stream: no shutdown code runs
        await Task.Delay(500);
        await cluster.StartNode("node-1");         // and back on the same port and database
        await pushing;

        var answered = outcomes.Where(o => o.Delivery?.Delivered == true).ToList();
        var answeredAdds = answered.Where(o => o.Action == "add_external_contact").Select(o => o.ExternalUserid).ToHashSet();
        Assert.True(answeredAdds.Count > Customers / 2, $"Only {answeredAdds.Count} of {Customers} adds were answered.");
        await cluster.Eventually(async () => (await cluster.Callbacks()) is var all && all.Count >= answered.Count && all.All(c => c.ProcessedAt is not null),
            "every stored callback is handled");
        await cluster.Eventually(async () => (await cluster.Query(
            """SELECT count(*) FROM wecom.sync_runs WHERE "Status" = 'Running'""", "")).Single()[0] is 0L, "the sync finishes");

        var stored = await cluster.Callbacks();
        // Exactly once: each answered callback stored once (the inbox dedupes WeCom's retries) and handled, none failed. A
        // callback stored just before the kill but never answered is there too: WeCom would have retried it.
        Assert.All(answered, a => Assert.Single(stored, c => c.Partition == a.ExternalUserid && c.ChangeType == a.Action));
        Assert.All(stored, c => Assert.NotNull(c.ProcessedAt));
        Assert.All(stored, c => Assert.Null(c.FailedAt));
        // In order: a leaver's deletion was handled no earlier than their add.
        foreach (var leaver in leavers)
        {
            var events = stored.Where(c => c.Partition == leaver).ToList();
            var add = events.Single(c => c.ChangeType == "add_external_contact");
            var del = events.Single(c => c.ChangeType == "del_follow_user");
            Assert.True(add.ProcessedAt <= del.ProcessedAt, $"{leaver}'s deletion was handled before the add.");
        }
        // At most one welcome per add; every answered add of a customer who stayed got one while its code was alive.
        var stayed = answeredAdds.Except(outcomes.Where(o => o.Action == "del_follow_user").Select(o => o.ExternalUserid));
        await cluster.AssertWelcomedAtMostOnce(stayed);
        var runs = await cluster.Query("""SELECT "Status" FROM wecom.sync_runs""", "");
        Assert.Equal(["Succeeded"], runs.Select(r => (string)r[0]!));
        output.WriteLine($"{answered.Count} callbacks answered ({answeredAdds.Count} adds, {leavers.Count} add-then-leave pairs), " +
            $"{stored.Count} stored, {cluster.Corp.Delivered.Count} welcomes delivered, {runs.Count} sync run(s)");
    }
}
