using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

public abstract class InboxTests<TProvider>(InboxFixture<TProvider> fixture) : IClassFixture<InboxFixture<TProvider>>
    where TProvider : IProvider
{
    private static string Key() => "k-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_retried_delivery_is_stored_once_and_handled_once()
    {
        var key = Key();
        Assert.Equal(InboxAcceptance.Accepted, await fixture.Accept(key, "first"));
        Assert.Equal(InboxAcceptance.Duplicate, await fixture.Accept(key, "second"));

        await fixture.RunOnce();
        await fixture.RunOnce();

        Assert.Equal(1, fixture.Handler.Seen(key));
        var stored = await fixture.Stored(key);
        Assert.Equal("first", stored.Payload);
        Assert.NotNull(stored.ProcessedAt);
    }

    [Fact]
    public async Task Deliveries_racing_each_other_keep_exactly_one()
    {
        var key = Key();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => fixture.Accept(key))));
        Assert.Equal(1, outcomes.Count(o => o == InboxAcceptance.Accepted));
        Assert.Equal(7, outcomes.Count(o => o == InboxAcceptance.Duplicate));
    }

    [Fact]
    public async Task A_burst_of_deliveries_and_their_retries_is_stored_once_each_and_every_sender_answered()
    {
        // Sent all at once, they reach the group-committing writer together: one statement holds many of them, and a
        // retry lands in the same batch as its original, in a later one, or after it was stored.
        var keys = Enumerable.Range(0, 150).Select(_ => Key()).ToList();
        var deliveries = keys.Concat(keys).Concat(keys.Take(50)).Select(k => Task.Run(() => fixture.Accept(k, "payload of " + k)));
        var outcomes = await Task.WhenAll(deliveries);

        Assert.Equal(150, outcomes.Count(o => o == InboxAcceptance.Accepted));
        Assert.Equal(200, outcomes.Count(o => o == InboxAcceptance.Duplicate));
        while (await fixture.RunOnce() > 0) { }
        Assert.All(keys, k => Assert.Equal(1, fixture.Handler.Seen(k)));
        var stored = await fixture.Stored(keys[^1]);
        Assert.Equal("payload of " + keys[^1], stored.Payload);
        Assert.NotNull(stored.ProcessedAt);
    }

    [Fact]
    public async Task A_message_that_does_not_fit_is_refused_and_stores_nothing()
    {
        var tooLong = Key() + new string('x', 200);
        var fine = Key();
        var refused = Task.Run(() => fixture.Accept(tooLong));
        var accepted = Task.Run(() => fixture.Accept(fine));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => refused);
        Assert.Contains("dedupeKey", error.Message);
        Assert.Equal(InboxAcceptance.Accepted, await accepted);
        Assert.Equal(0, await fixture.App.InScope(sp => sp.GetRequiredService<Data.PlatformDbContext>().Inbox.CountAsync(m => m.DedupeKey == tooLong)));
    }

    [Fact]
    public async Task A_failed_message_waits_for_its_back_off_and_then_succeeds()
    {
        var key = Key();
        fixture.Handler.FailNext(key, 1);
        await fixture.Accept(key);

        await fixture.RunOnce();
        var afterFailure = await fixture.Stored(key);
        Assert.Null(afterFailure.ProcessedAt);
        Assert.Contains("failed on purpose", afterFailure.LastError);
        Assert.True(afterFailure.DueAt > fixture.Clock.GetUtcNow().UtcDateTime, "A failed message must not be due at once.");

        await fixture.RunOnce();
        Assert.Equal(1, fixture.Handler.Seen(key));

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await fixture.RunOnce();
        Assert.Equal(2, fixture.Handler.Seen(key));
        Assert.NotNull((await fixture.Stored(key)).ProcessedAt);
    }

    [Fact]
    public async Task A_message_claimed_by_a_processor_that_died_is_taken_over_after_its_lease()
    {
        var key = Key();
        await fixture.Accept(key);
        // Another node claims the message and dies before acknowledging it.
        var claimed = await fixture.App.InScope(sp => InboxClaims.Claim(sp.GetRequiredService<Data.PlatformDbContext>(), "dead-node",
            fixture.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(30), 1000, CancellationToken.None));
        Assert.Contains(claimed, m => m.DedupeKey == key);

        await fixture.RunOnce();
        Assert.Equal(0, fixture.Handler.Seen(key));

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await fixture.RunOnce();
        Assert.Equal(1, fixture.Handler.Seen(key));
        Assert.NotNull((await fixture.Stored(key)).ProcessedAt);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_after_the_last_attempt()
    {
        var key = Key();
        fixture.Handler.FailNext(key, 100);
        await fixture.Accept(key);

        for (var i = 0; i < InboxFixture<TProvider>.MaxAttempts + 2; i++)
        {
            await fixture.RunOnce();
            fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        Assert.Equal(InboxFixture<TProvider>.MaxAttempts, fixture.Handler.Seen(key));
        var parked = await fixture.Stored(key);
        Assert.NotNull(parked.FailedAt);
        Assert.Null(parked.ProcessedAt);
    }
}

public sealed class InboxTestsSqlite(InboxFixture<Sqlite> fixture) : InboxTests<Sqlite>(fixture);

public sealed class InboxTestsPostgres(InboxFixture<Postgres> fixture) : InboxTests<Postgres>(fixture);
