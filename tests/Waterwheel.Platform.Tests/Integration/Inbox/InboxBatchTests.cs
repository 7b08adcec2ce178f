using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>
/// Sources with a batch handler: a round's messages go to it at once, in arrival order; a failed batch falls back to
/// one message at a time, where only the message at fault fails and counts an attempt.
/// </summary>
public abstract class InboxBatchTests<TProvider>(InboxFixture<TProvider> fixture) : IClassFixture<InboxFixture<TProvider>>
    where TProvider : IProvider
{
    private static List<string> Keys(string name, int count) => Enumerable.Range(1, count).Select(i => $"{name}-{i}-{Guid.NewGuid():N}").ToList();

    /// <summary>Accepts the messages one after the other, in one partition (one customer) or each in its own.</summary>
    private async Task AcceptInOrder(IEnumerable<string> keys, bool onePartition, Func<string, string>? payload = null)
    {
        foreach (var key in keys)
        {
            await fixture.AcceptForBatch(key, payload?.Invoke(key) ?? "{}", partition: onePartition ? key[..key.IndexOf('-')] : key);
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public async Task A_rounds_messages_of_a_batch_source_go_to_one_batch_call_in_arrival_order()
    {
        var keys = Keys("calm", 6);
        await AcceptInOrder(keys, onePartition: true);
        var batchesBefore = fixture.BatchHandler.Batches().Count;

        await fixture.RunOnce();

        Assert.Equal(keys, fixture.BatchHandler.Done().Where(keys.Contains).ToList());
        Assert.Equal([6], fixture.BatchHandler.Batches().Skip(batchesBefore).ToList());
        foreach (var key in keys) Assert.NotNull((await fixture.Stored(key)).ProcessedAt);
    }

    [Fact]
    public async Task A_poisoned_message_fails_alone_and_the_rest_of_its_batch_is_handled_once()
    {
        // Five customers' messages: the third customer's fails; the others do not wait for it.
        var keys = Keys("mixed", 5);
        var poisoned = keys[2];
        await AcceptInOrder(keys, onePartition: false, key => key == poisoned ? $$"""{"{{RecordingBatchHandler.Poison}}":true}""" : "{}");

        await fixture.RunOnce();

        // Each once; different customers run side by side, so in no particular order.
        var done = fixture.BatchHandler.Done().Where(keys.Contains).Order().ToList();
        Assert.Equal(keys.Where(k => k != poisoned).Order(), done);
        var stored = await fixture.Stored(poisoned);
        Assert.Null(stored.ProcessedAt);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("poisoned on purpose", stored.LastError);
        foreach (var key in keys.Where(k => k != poisoned))
        {
            var message = await fixture.Stored(key);
            Assert.NotNull(message.ProcessedAt);
            Assert.Equal(0, message.Attempts);
        }
    }

    [Fact]
    public async Task Behind_a_poisoned_message_its_own_customers_later_messages_wait()
    {
        var keys = Keys("held", 3);
        await AcceptInOrder(keys, onePartition: true, key => key == keys[0] ? $$"""{"{{RecordingBatchHandler.Poison}}":true}""" : "{}");

        await fixture.RunOnce();

        Assert.DoesNotContain(fixture.BatchHandler.Done(), keys.Contains);
        Assert.Equal(1, (await fixture.Stored(keys[0])).Attempts);
        foreach (var key in keys.Skip(1)) Assert.Equal((0, null), ((await fixture.Stored(key)).Attempts, (await fixture.Stored(key)).ProcessedAt));
    }
}

public sealed class InboxBatchTestsSqlite(InboxFixture<Sqlite> fixture) : InboxBatchTests<Sqlite>(fixture);

public sealed class InboxBatchTestsPostgres(InboxFixture<Postgres> fixture) : InboxBatchTests<Postgres>(fixture);
