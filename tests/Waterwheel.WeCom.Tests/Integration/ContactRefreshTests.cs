using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>An add or edit re-reads the customer from WeCom; what WeCom lists, and only that, becomes a relation.</summary>
public abstract class ContactRefreshTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Pushes an add event as WeCom would, whatever the simulator's state says.</summary>
    private async Task PushAdd(string userId, string externalUserId)
    {
        SimCallbackConfig callback;
        string xml;
        lock (_host.Simulator.State.Sync)
        {
            callback = _host.Corp.Callback!;
            xml = SimEventXml.Build(AppWithSimulator.CorpId, _host.Simulator.State.Now, "change_external_contact", "add_external_contact",
                ("UserID", userId), ("ExternalUserID", externalUserId));
        }
        Assert.True((await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, callback, xml)).Delivered);
    }

    private Task<bool> Handled(string externalUserId) => _host.Eventually(_ => _host.App.InScope(sp =>
            sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.AsNoTracking()
                .AnyAsync(m => m.Partition == externalUserId && m.ProcessedAt != null)),
        done => done);

    private Task<int> Announced(string externalUserId) => _host.Read(db => db.Set<OutboxMessage>()
        .CountAsync(m => m.EventName == CustomerAddedStaff.EventName && m.Partition == externalUserId));

    [Fact]
    public async Task An_add_for_a_follow_user_WeCom_does_not_list_stores_no_relation_and_announces_no_customer()
    {
        string customer;
        lock (_host.Simulator.State.Sync) customer = _host.Corp.AddCustomer("周敏").ExternalUserid;

        await PushAdd("guide.li", customer);

        Assert.True(await Handled(customer));
        Assert.False(await _host.Read(db => db.Relations.AnyAsync(r => r.ExternalUserId == customer)));
        Assert.Equal(0, await Announced(customer));
        // The customer's profile is still worth keeping: WeCom did describe them.
        Assert.Equal("周敏", (await _host.Read(db => db.Contacts.SingleAsync(c => c.ExternalUserId == customer))).Name);
    }

    [Fact]
    public async Task A_follow_user_beyond_the_first_500_is_found_on_a_later_page()
    {
        string customer;
        long addedAt;
        lock (_host.Simulator.State.Sync)
        {
            var corp = _host.Corp;
            customer = corp.AddCustomer("黄艳").ExternalUserid;
            var longAgo = _host.Simulator.State.Now - 86_400;
            for (var i = 0; i < 520; i++)
                corp.Relate(corp.AddStaff($"guide.{i:D3}", $"导购{i}").Userid, customer, longAgo);
            addedAt = _host.Simulator.State.Now;
            corp.Relate("guide.li", customer, addedAt, addWay: 1, state: "store-0042");
        }

        await PushAdd("guide.li", customer);

        var relation = await _host.Eventually(db => db.Relations.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalUserId == customer),
            r => r is not null);
        Assert.NotNull(relation);
        Assert.Equal(RelationStatus.Active, relation.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(addedAt).UtcDateTime, relation.AddedAt);
        Assert.Equal("store-0042", relation.State);
        Assert.True(await Handled(customer));
        Assert.Equal(1, await Announced(customer));
    }
}

public sealed class ContactRefreshSqlite() : ContactRefreshTests("sqlite");

public sealed class ContactRefreshPostgres() : ContactRefreshTests("postgres");
