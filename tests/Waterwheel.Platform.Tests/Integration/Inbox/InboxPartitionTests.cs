using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>
/// What two nodes on one database need from the inbox: a partition (one customer) is handled on one node at a time and
/// in arrival order, a failure holds its partition back, and only a handler that ran counts as an attempt.
/// </summary>
public abstract class InboxPartitionTests<TProvider>(InboxFixture<TProvider> fixture) : IClassFixture<InboxFixture<TProvider>>
    where TProvider : IProvider
{
    private static string Key(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_failing_message_holds_its_partition_back_and_is_not_overtaken()
    {
        var partition = Key("customer");
        var (first, second) = (Key("add"), Key("edit"));
        fixture.Handler.FailNext(first, 1);
        await fixture.Accept(first, partition: partition);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));  // arrival order is time order; the test's clock stands still
        await fixture.Accept(second, partition: partition);

        await fixture.RunOnce();
        Assert.Equal(1, fixture.Handler.Seen(first));
        Assert.Equal(0, fixture.Handler.Seen(second));
        await fixture.RunOnce();
        Assert.Equal(0, fixture.Handler.Seen(second));
        Assert.DoesNotContain(await fixture.ClaimAs("other-node"), m => m.Partition == partition);

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await fixture.RunOnce();
        var order = fixture.Handler.Order().Where(k => k == first || k == second).ToList();
        Assert.Equal([first, first, second], order);
        Assert.NotNull((await fixture.Stored(second)).ProcessedAt);
    }

    [Fact]
    public async Task A_partition_claimed_by_one_node_is_not_given_to_another_even_for_later_messages()
    {
        var partition = Key("customer");
        var (first, second) = (Key("add"), Key("del"));
        await fixture.Accept(first, partition: partition);
        var mine = await fixture.ClaimAs("node-a");
        Assert.Contains(mine, m => m.DedupeKey == first);

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await fixture.Accept(second, partition: partition);
        Assert.DoesNotContain(await fixture.ClaimAs("node-b"), m => m.Partition == partition);

        // Node A dies: after its lease both messages go to the next claimer together, in order.
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var taken = (await fixture.ClaimAs("node-b")).Where(m => m.Partition == partition).OrderBy(m => m.ReceivedAt).Select(m => m.DedupeKey).ToList();
        Assert.Equal([first, second], taken);
    }

    [Fact]
    public async Task Claims_that_lapse_do_not_use_up_attempts()
    {
        var key = Key("lapsed");
        await fixture.Accept(key);
        for (var i = 0; i < InboxFixture<TProvider>.MaxAttempts + 2; i++)
        {
            Assert.Contains(await fixture.ClaimAs($"dying-node-{i}"), m => m.DedupeKey == key);
            fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        }
        Assert.Equal(0, (await fixture.Stored(key)).Attempts);

        fixture.Handler.FailNext(key, 1);
        await fixture.RunOnce();
        var failed = await fixture.Stored(key);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.FailedAt);
    }

    [Fact]
    public async Task Handled_messages_are_deleted_after_their_retention_and_parked_ones_stay()
    {
        var (old, parked) = (Key("old"), Key("parked"));
        await fixture.Accept(old);
        fixture.Handler.FailNext(parked, 100);
        await fixture.Accept(parked);
        for (var i = 0; i < InboxFixture<TProvider>.MaxAttempts; i++)
        {
            await fixture.RunOnce();
            fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        }
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        var recent = Key("recent");
        await fixture.Accept(recent);
        await fixture.RunOnce();

        await fixture.App.InScope(async sp => { await sp.GetRequiredService<InboxRetention>().Run(CancellationToken.None); return 0; });

        var left = await fixture.App.InScope(sp => sp.GetRequiredService<Data.PlatformDbContext>().Inbox.AsNoTracking()
            .Where(m => m.DedupeKey == old || m.DedupeKey == parked || m.DedupeKey == recent).Select(m => m.DedupeKey).ToListAsync());
        Assert.DoesNotContain(old, left);
        Assert.Contains(parked, left);
        Assert.Contains(recent, left);
    }
}

public sealed class InboxPartitionTestsSqlite(InboxFixture<Sqlite> fixture) : InboxPartitionTests<Sqlite>(fixture);

public sealed class InboxPartitionTestsPostgres(InboxFixture<Postgres> fixture) : InboxPartitionTests<Postgres>(fixture);
