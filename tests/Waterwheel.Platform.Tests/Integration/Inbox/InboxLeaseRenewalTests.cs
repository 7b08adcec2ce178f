using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>A handler slower than the lease keeps its claim: no second node starts the same message meanwhile.</summary>
public abstract class InboxLeaseRenewalTests<TProvider> where TProvider : IProvider
{
    [Fact]
    public async Task A_claim_is_renewed_while_its_handler_runs_past_the_lease()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        handler.Hold = async _ => { started.TrySetResult(); await release.Task; };
        await using var app = new WaterwheelApp(await TestDatabase.Create(TProvider.Name),
            new Dictionary<string, string?> { ["Waterwheel:Inbox:RunProcessor"] = "false", ["Waterwheel:Inbox:Lease"] = "00:00:03" },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IInboxHandler>(handler);
            });
        var key = "slow-" + Guid.NewGuid().ToString("N");
        await app.InScope(sp => sp.GetRequiredService<IInbox>().AcceptAsync(RecordingHandler.SourceName, key, null, "{}", CancellationToken.None));

        var round = app.Services.GetRequiredService<InboxProcessor>().RunOnceAsync(CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(10));   // the first lease is long over on the business clock
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? leaseUntil = null;
        for (var i = 0; i < 100 && !(leaseUntil > now); i++)
        {
            await Task.Delay(100);
            leaseUntil = await app.InScope(sp => sp.GetRequiredService<Data.PlatformDbContext>().Inbox.AsNoTracking()
                .Where(m => m.DedupeKey == key).Select(m => m.LeaseUntil).SingleAsync());
        }
        Assert.True(leaseUntil > now, "The running handler's lease was not renewed.");
        var stolen = await app.InScope(sp => InboxClaims.Claim(sp.GetRequiredService<Data.PlatformDbContext>(), "other-node", now,
            TimeSpan.FromSeconds(3), 100, CancellationToken.None));
        Assert.DoesNotContain(stolen, m => m.DedupeKey == key);

        release.SetResult();
        await round;
        Assert.Equal(1, handler.Seen(key));
    }
}

public sealed class InboxLeaseRenewalSqlite : InboxLeaseRenewalTests<Sqlite>;

public sealed class InboxLeaseRenewalPostgres : InboxLeaseRenewalTests<Postgres>;
