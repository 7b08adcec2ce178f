using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>
/// An urgent source (WeCom callbacks: a welcome code lives 20 s) goes before a backlog of other work, but never ahead of
/// an earlier message in its own partition.
/// </summary>
public abstract class InboxUrgencyTests<TProvider>(InboxFixture<TProvider> fixture) : IClassFixture<InboxFixture<TProvider>>
    where TProvider : IProvider
{
    private static string Key(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_urgent_message_behind_a_full_batch_of_other_work_is_handled_in_the_first_round()
    {
        // The processor's batch is 50: sixty older messages of an ordinary source would fill the first round by arrival.
        var backlog = Enumerable.Range(0, 60).Select(i => Key("backlog")).ToList();
        foreach (var key in backlog)
        {
            await fixture.Accept(key);
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        var urgent = Key("welcome");
        await fixture.AcceptUrgent(urgent);

        await fixture.RunOnce();

        Assert.Contains(urgent, fixture.Urgent.Done());
        Assert.Equal(49, backlog.Count(k => fixture.Handler.Seen(k) == 1));
        while (await fixture.RunOnce() > 0) { }
        Assert.All(backlog, k => Assert.Equal(1, fixture.Handler.Seen(k)));
    }

    [Fact]
    public async Task An_urgent_message_does_not_overtake_an_earlier_message_of_its_partition()
    {
        var partition = Key("customer");
        var (earlier, urgent, elsewhere) = (Key("edit"), Key("welcome"), Key("welcome"));
        await fixture.Accept(earlier, partition: partition);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await fixture.AcceptUrgent(urgent, partition: partition);
        await fixture.AcceptUrgent(elsewhere, partition: Key("other-customer"));

        var urgentFirst = await fixture.ClaimAs("other-node", [UrgentHandler.SourceName]);

        Assert.Contains(urgentFirst, m => m.DedupeKey == elsewhere);
        Assert.DoesNotContain(urgentFirst, m => m.DedupeKey == urgent);
        // The lease taken above runs out; then everything is handled, the partition in its order.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        while (await fixture.RunOnce() > 0) { }
        Assert.Equal(1, fixture.Handler.Seen(earlier));
        Assert.Contains(urgent, fixture.Urgent.Done());
    }
}

public sealed class InboxUrgencyTestsSqlite(InboxFixture<Sqlite> fixture) : InboxUrgencyTests<Sqlite>(fixture);

public sealed class InboxUrgencyTestsPostgres(InboxFixture<Postgres> fixture) : InboxUrgencyTests<Postgres>(fixture);
