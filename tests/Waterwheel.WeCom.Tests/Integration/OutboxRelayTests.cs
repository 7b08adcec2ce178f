using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Data;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// An event the relay cannot hand over is retried, then parked; it holds back only the events of its own partition
/// (one customer) while it is retried, and never the rest of the outbox.
/// </summary>
public abstract class OutboxRelayTests(string provider)
{
    [Fact]
    public async Task A_poisoned_event_is_parked_and_blocks_only_its_own_customer_while_it_is_retried()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?>
            {
                ["Waterwheel:Outbox:RunRelay"] = "false",
                ["Waterwheel:Outbox:MaxAttempts"] = "2",
                ["Waterwheel:Inbox:RunProcessor"] = "false",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddIntegrationEventHandler<CustomerLost, IgnoreLost>();
                services.AddScoped<IInbox>(sp => new PoisonRefusingInbox(new Inbox(sp.GetRequiredService<InboxWriter>(), clock)));
            });
        var relay = app.Services.GetServices<IHostedService>().OfType<OutboxRelay<WeComDbContext>>().Single();
        var tenant = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var (poisoned, behind, other) = (Lost(tenant, "wm-anna", "poison", now.AddSeconds(-3)), Lost(tenant, "wm-anna", "guide.li", now.AddSeconds(-2)),
            Lost(tenant, "wm-bert", "guide.li", now.AddSeconds(-1)));
        await app.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenant, "test");
            var db = sp.GetRequiredService<WeComDbContext>();
            foreach (var e in new[] { poisoned, behind, other }) db.Publish(e, e.LostAt);
            return await db.SaveChangesAsync();
        });

        await relay.RelayOnce(CancellationToken.None);
        Assert.Equal(["wm-bert"], await Relayed(app));
        await relay.RelayOnce(CancellationToken.None);
        Assert.Equal(["wm-bert"], await Relayed(app));

        clock.Advance(TimeSpan.FromMinutes(1));
        await relay.RelayOnce(CancellationToken.None);   // the last try: parked
        await relay.RelayOnce(CancellationToken.None);   // the customer's later event goes on

        var rows = await Outbox(app);
        Assert.NotNull(rows.Single(r => r.Payload.Contains("poison")).ParkedAt);
        Assert.Null(rows.Single(r => r.Payload.Contains("poison")).RelayedAt);
        Assert.Equal(2, rows.Single(r => r.Payload.Contains("poison")).Attempts);
        Assert.Equal(2, rows.Count(r => r.RelayedAt != null));
        // Every subscriber of the event (another module may subscribe too) got the two relayed events, once each.
        var perSubscriber = await app.InScope(sp => sp.GetRequiredService<PlatformDbContext>().Inbox.Where(m => m.Source.StartsWith("wecom.customer-lost"))
            .GroupBy(m => m.Source).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(perSubscriber);
        Assert.All(perSubscriber, count => Assert.Equal(2, count));
    }

    private static CustomerLost Lost(Guid tenant, string externalUserId, string staff, DateTime at) => new(tenant, externalUserId, staff, at);

    private static Task<List<OutboxMessage>> Outbox(WaterwheelApp app) =>
        app.InScope(sp => sp.GetRequiredService<WeComDbContext>().Set<OutboxMessage>().IgnoreQueryFilters().AsNoTracking().ToListAsync());

    private static async Task<List<string>> Relayed(WaterwheelApp app) =>
        (await Outbox(app)).Where(r => r.RelayedAt != null).Select(r => r.Partition!).ToList();

    private sealed class IgnoreLost : IIntegrationEventHandler<CustomerLost>
    {
        public Task Handle(CustomerLost integrationEvent, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>An inbox that refuses one event for ever, as a row the relay can never hand over would be.</summary>
    private sealed class PoisonRefusingInbox(IInbox inner) : IInbox
    {
        public Task<InboxAcceptance> AcceptAsync(string source, string dedupeKey, Guid? tenantId, string payload, CancellationToken ct,
            string? partition = null, DateTime? arrivedAt = null) =>
            payload.Contains("poison") ? throw new InvalidOperationException("refused on purpose")
                : inner.AcceptAsync(source, dedupeKey, tenantId, payload, ct, partition, arrivedAt);
    }
}

public sealed class OutboxRelaySqlite() : OutboxRelayTests("sqlite");

public sealed class OutboxRelayPostgres() : OutboxRelayTests("postgres");
