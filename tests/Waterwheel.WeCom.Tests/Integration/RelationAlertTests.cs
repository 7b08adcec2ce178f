using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Alerts;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// Lost customers and failed transfers become alerts for operators, and the WeCom module tells other modules of
/// new and lost customers through its outbox — each exactly once, however often WeCom repeats itself.
/// </summary>
public abstract class RelationAlertTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;
    private readonly Subscriber _subscriber = new();

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider, services =>
    {
        services.AddSingleton(_subscriber);
        services.AddIntegrationEventHandler<CustomerAddedStaff, AddedProbe>();
        services.AddIntegrationEventHandler<CustomerLost, LostProbe>();
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_customer_is_announced_to_other_modules_once_with_the_channel_they_came_through()
    {
        var way = await Client.AddContactWay(App, new ContactWay { Type = 1, Scene = 2, User = ["guide.li"], State = "store-0001" });
        var added = await _host.Simulator.Crowd.ScanContactWay(AppWithSimulator.CorpId, way.Value!.ConfigId);
        // An edit re-reads the same relation: it is not a new customer.
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", added.ExternalUserid, [], []);

        await Until(() => _subscriber.Added.Count >= 1);
        var announced = Assert.Single(_subscriber.Added);
        Assert.Equal((_host.TenantId, added.ExternalUserid, "guide.li", "store-0001"), (announced.TenantId, announced.ExternalUserId, announced.StaffUserId, announced.State));
        await SettleOutbox();
        Assert.Single(_subscriber.Added);
    }

    [Fact]
    public async Task An_add_handled_after_an_edit_of_the_same_customer_is_still_announced_once()
    {
        // The add's callback is held back (as if its first handling failed and waits for a retry) while an edit arrives.
        SimCallbackConfig callback;
        lock (_host.Simulator.State.Sync) (callback, _host.Corp.Callback) = (_host.Corp.Callback!, null);
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        lock (_host.Simulator.State.Sync) _host.Corp.Callback = callback;
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", added.ExternalUserid, [], []);
        await _host.Eventually(db => db.Relations.AsNoTracking().AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);

        Assert.True((await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, callback, added.EventXml)).Delivered);
        await Until(() => _subscriber.Added.Count >= 1);
        await SettleOutbox();

        Assert.Equal(added.ExternalUserid, Assert.Single(_subscriber.Added).ExternalUserId);
    }

    [Fact]
    public async Task An_event_relayed_again_after_a_crash_reaches_its_subscriber_once()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        await Until(() => _subscriber.Added.Count >= 1);
        await SettleOutbox();

        // As if the process died after the inbox accepted the event but before the outbox row was marked relayed.
        var reset = await _host.Read(db => db.Set<OutboxMessage>().Where(m => m.EventName == CustomerAddedStaff.EventName)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RelayedAt, (DateTime?)null)));
        Assert.Equal(1, reset);
        await SettleOutbox();

        Assert.Equal(added.ExternalUserid, Assert.Single(_subscriber.Added).ExternalUserId);
        // Once for each subscriber: the test's own and any other module's.
        var deliveries = await _host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox
            .Where(m => m.Source.StartsWith(CustomerAddedStaff.EventName)).GroupBy(m => m.Source).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_customer_deleting_their_guide_raises_one_loss_alert_and_one_loss_event_even_when_wecom_repeats_it()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.wang");
        await _host.Eventually(db => db.Relations.AsNoTracking().AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);

        var lost = await _host.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, "guide.wang", added.ExternalUserid);
        // WeCom can send the same fact again as a new push (a later CreateTime): the relation has ended already.
        _host.Time.Advance(TimeSpan.FromSeconds(3));
        await RepushLater(lost.EventXml);

        var alerts = await _host.Eventually(db => db.RelationAlerts.AsNoTracking().Where(a => a.ExternalUserId == added.ExternalUserid).ToListAsync(),
            found => found.Count > 0);
        await Until(() => _subscriber.Lost.Count >= 1);
        await SettleOutbox();
        var alert = Assert.Single(alerts);
        Assert.Equal((RelationAlertKind.CustomerDeletedStaff, RelationAlertStatus.Open, "guide.wang"), (alert.Kind, alert.Status, alert.StaffUserId));
        Assert.NotNull(alert.RelationStartedAt);
        Assert.Single(_subscriber.Lost);
        var relation = await _host.Read(db => db.Relations.AsNoTracking().SingleAsync(r => r.ExternalUserId == added.ExternalUserid));
        Assert.Equal(RelationStatus.RemovedByCustomer, relation.Status);
    }

    [Fact]
    public async Task A_refused_transfer_raises_one_alert_naming_the_takeover_member()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        await _host.Eventually(db => db.Relations.AsNoTracking().AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);
        var started = await Client.TransferCustomer(App, new TransferCustomerRequest("guide.li", "guide.wang", [added.ExternalUserid]));
        Assert.Equal(0, started.Value!.Customer.Single().Errcode);

        var refused = await _host.Simulator.Crowd.CustomerRefusesTransfer(AppWithSimulator.CorpId, "guide.li", "guide.wang", added.ExternalUserid);
        Assert.True(refused.Delivery!.Delivered);
        await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, _host.Corp.Callback!, refused.EventXml);

        var alert = await _host.Eventually(db => db.RelationAlerts.AsNoTracking().Where(a => a.ExternalUserId == added.ExternalUserid).ToListAsync(),
            found => found.Count > 0);
        Assert.Equal((RelationAlertKind.TransferRefused, "guide.wang", "customer_refused"), (Assert.Single(alert).Kind, alert[0].StaffUserId, alert[0].Detail));
        // The customer stays with the handover member.
        var relation = await _host.Read(db => db.Relations.AsNoTracking().SingleAsync(r => r.ExternalUserId == added.ExternalUserid));
        Assert.Equal(("guide.li", RelationStatus.Active), (relation.StaffUserId, relation.Status));
    }

    [Fact]
    public async Task Operators_list_alerts_with_staff_names_and_mark_them_handled_once_with_a_note()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.wang");
        await _host.Eventually(db => db.Relations.AsNoTracking().AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);
        await _host.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, "guide.wang", added.ExternalUserid);
        await _host.Eventually(db => db.RelationAlerts.AsNoTracking().AnyAsync(), found => found);

        var page = await _host.Admin.GetFromJsonAsync<JsonElement>("/api/wecom/relation-alerts?status=Open&kind=CustomerDeletedStaff");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items")[0];
        Assert.Equal(added.ExternalUserid, item.GetProperty("externalUserId").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("customerName").GetString()));
        var id = item.GetProperty("id").GetGuid();

        var tooLong = await _host.Admin.PostAsJsonAsync($"/api/wecom/relation-alerts/{id}/handle", new { note = new string('很', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        // Closing an alert says what was done: a blank note is refused.
        var blank = await _host.Admin.PostAsJsonAsync($"/api/wecom/relation-alerts/{id}/handle", new { note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("备注不能为空", await blank.Content.ReadAsStringAsync());
        for (var i = 0; i < 2; i++)
        {
            var handled = await _host.Admin.PostAsJsonAsync($"/api/wecom/relation-alerts/{id}/handle", new { note = "已电话回访，客户搬家了" });
            handled.EnsureSuccessStatusCode();
        }
        var after = await _host.Admin.GetFromJsonAsync<JsonElement>("/api/wecom/relation-alerts?status=Handled");
        var done = after.GetProperty("items")[0];
        Assert.Equal("已电话回访，客户搬家了", done.GetProperty("note").GetString());
        Assert.Equal(WaterwheelAdmin, done.GetProperty("handledBy").GetString());
        var audits = await _host.Admin.GetFromJsonAsync<JsonElement>("/api/platform/audit?action=wecom.alert_handled");
        Assert.Equal(1, audits.GetProperty("total").GetInt32());
        var missing = await _host.Admin.PostAsJsonAsync($"/api/wecom/relation-alerts/{Guid.NewGuid()}/handle", new { note = "已回访" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private const string WaterwheelAdmin = Testing.WaterwheelApp.AdminUser;
    private IWeComClient Client => _host.App.Services.GetRequiredService<IWeComClient>();
    private static WeComApp App => new(AppWithSimulator.CorpId, AppWithSimulator.Secret);

    private async Task RepushLater(string eventXml)
    {
        var later = System.Text.RegularExpressions.Regex.Replace(eventXml, "<CreateTime>\\d+</CreateTime>",
            $"<CreateTime>{_host.Time.GetUtcNow().ToUnixTimeSeconds()}</CreateTime>");
        Assert.NotEqual(eventXml, later);
        var report = await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, _host.Corp.Callback!, later);
        Assert.True(report.Delivered);
    }

    /// <summary>Waits until the outbox is empty and the inbox has handled everything, so a late duplicate would show.</summary>
    private async Task SettleOutbox() => await Until(async () =>
        await _host.Read(db => db.Set<OutboxMessage>().AnyAsync(m => m.RelayedAt == null)) == false &&
        await _host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null)) == false);

    private static Task Until(Func<bool> done) => Until(() => Task.FromResult(done()));

    private static async Task Until(Func<Task<bool>> done)
    {
        for (var i = 0; i < 200 && !await done(); i++) await Task.Delay(50);
    }

    internal sealed class Subscriber
    {
        public ConcurrentQueue<CustomerAddedStaff> Added { get; } = new();
        public ConcurrentQueue<CustomerLost> Lost { get; } = new();
    }

    internal sealed class AddedProbe(Subscriber subscriber) : IIntegrationEventHandler<CustomerAddedStaff>
    {
        public Task Handle(CustomerAddedStaff integrationEvent, CancellationToken ct)
        {
            subscriber.Added.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }

    internal sealed class LostProbe(Subscriber subscriber) : IIntegrationEventHandler<CustomerLost>
    {
        public Task Handle(CustomerLost integrationEvent, CancellationToken ct)
        {
            subscriber.Lost.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }
}

public sealed class RelationAlertTestsOnSqlite() : RelationAlertTests("sqlite");

public sealed class RelationAlertTestsOnPostgres() : RelationAlertTests("postgres");
