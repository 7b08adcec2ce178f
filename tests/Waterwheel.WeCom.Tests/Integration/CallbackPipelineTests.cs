using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>Callbacks through the real HTTP pipeline into the inbox, and on to contacts, relations and welcome messages.</summary>
public abstract class CallbackPipelineTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CallbackCrypto Crypto(string corpId = AppWithSimulator.CorpId) =>
        CallbackCrypto.Create(AppWithSimulator.Token, AppWithSimulator.AesKey, corpId).Value!;

    private string Now => _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString();

    private Task<int> InboxCount() => _host.App.InScope(sp =>
        sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.CountAsync());

    private Task<HttpResponseMessage> Post(SealedCallback sealedCallback, string? body = null) =>
        _host.App.Anonymous().PostAsync(_host.CallbackPath + sealedCallback.QueryString,
            new StringContent(body ?? sealedCallback.Body, Encoding.UTF8, "text/xml"));

    private static string AddEvent(string corpId, long createTime, string externalUserId) =>
        $"<xml><ToUserName><![CDATA[{corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{createTime}</CreateTime>" +
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[edit_external_contact]]></ChangeType>" +
        $"<UserID><![CDATA[guide.li]]></UserID><ExternalUserID><![CDATA[{externalUserId}]]></ExternalUserID></xml>";

    [Fact]
    public async Task A_customer_who_adds_a_guide_becomes_a_contact_with_an_active_relation_and_one_welcome_message()
    {
        var outcome = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        Assert.NotNull(outcome.Delivery);

        var relation = await _host.Eventually(db => db.Relations.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalUserId == outcome.ExternalUserid),
            r => r?.WelcomeSentAt is not null);
        Assert.NotNull(relation);
        Assert.Equal("guide.li", relation.StaffUserId);
        Assert.Equal(RelationStatus.Active, relation.Status);
        Assert.NotNull(relation.WelcomeSentAt);
        var contact = await _host.Read(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalUserId == outcome.ExternalUserid));
        Assert.False(string.IsNullOrEmpty(contact.Name));
        lock (_host.Simulator.State.Sync)
            Assert.Single(_host.Corp.Delivered, d => d.ExternalUserid == outcome.ExternalUserid && d.Text == AppWithSimulator.Welcome);
    }

    [Fact]
    public async Task A_welcome_code_that_expired_is_given_up_on_at_once_and_the_customer_is_still_stored()
    {
        _host.Simulator.State.Faults.Inject("externalcontact/send_welcome_msg", 41050, times: 100);
        var outcome = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");

        var relation = await _host.Eventually(db => db.Relations.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalUserId == outcome.ExternalUserid),
            r => r is not null);
        Assert.NotNull(relation);
        Assert.Null(relation.WelcomeSentAt);
        var message = await _host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.AsNoTracking()
            .SingleAsync(m => m.Source == Callbacks.Receiver.CallbackEndpoints.InboxSource && m.Partition == outcome.ExternalUserid));
        await _host.Eventually(_ => _host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.AsNoTracking()
            .Where(m => m.Id == message.Id).Select(m => m.ProcessedAt).SingleAsync()), processed => processed is not null);
        Assert.Equal(1, _host.Simulator.State.Faults.Calls("externalcontact/send_welcome_msg"));
    }

    [Fact]
    public async Task The_customer_deleting_the_guide_ends_the_relation_as_a_loss()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.wang");
        await _host.Eventually(db => db.Relations.AsNoTracking().AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);

        await _host.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, "guide.wang", added.ExternalUserid);

        var relation = await _host.Eventually(db => db.Relations.AsNoTracking().SingleAsync(r => r.ExternalUserId == added.ExternalUserid),
            r => r.Status != RelationStatus.Active);
        Assert.Equal(RelationStatus.RemovedByCustomer, relation.Status);
        Assert.NotNull(relation.EndedAt);
    }

    [Fact]
    public async Task The_url_check_answers_the_decrypted_echo()
    {
        var crypto = Crypto();
        var echo = crypto.Encrypt("8732641298471");
        var signature = crypto.Sign(Now, "nonce1", echo);
        var answer = await _host.App.Anonymous().GetAsync(
            $"{_host.CallbackPath}?msg_signature={signature}&timestamp={Now}&nonce=nonce1&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("8732641298471", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_simulator_checks_the_callback_url_as_WeCom_does_when_it_is_saved()
    {
        SimCallbackConfig callback;
        lock (_host.Simulator.State.Sync) callback = _host.Corp.Callback!;

        Assert.True(await _host.Simulator.Pusher.VerifyUrl(AppWithSimulator.CorpId, callback));
        Assert.False(await _host.Simulator.Pusher.VerifyUrl(AppWithSimulator.CorpId, callback with { Token = "SomeOtherToken" }));
    }

    [Fact]
    public async Task A_retried_delivery_is_answered_but_stored_once()
    {
        var sealedCallback = Crypto().Seal(AddEvent(AppWithSimulator.CorpId, 1_700_000_001, "wm_retry"), Now, "n-retry");
        var before = await InboxCount();

        Assert.Equal(HttpStatusCode.OK, (await Post(sealedCallback)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(sealedCallback)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(sealedCallback)).StatusCode);

        Assert.Equal(before + 1, await InboxCount());
    }

    [Fact]
    public async Task Bad_signatures_replays_other_corps_and_malformed_bodies_are_refused_and_change_nothing()
    {
        var before = await InboxCount();
        var good = Crypto().Seal(AddEvent(AppWithSimulator.CorpId, 1_700_000_002, "wm_refused"), Now, "n-ok");

        var forged = good with { MsgSignature = new string('0', 40) };
        var old = _host.Time.GetUtcNow().AddMinutes(-30).ToUnixTimeSeconds().ToString();
        var replayed = Crypto().Seal(AddEvent(AppWithSimulator.CorpId, 1_700_000_003, "wm_old"), old, "n-old");
        var otherCorp = Crypto("wwsomeoneelse0001").Seal(AddEvent("wwsomeoneelse0001", 1_700_000_004, "wm_other"), Now, "n-other");

        foreach (var response in new[]
                 {
                     await Post(forged), await Post(replayed), await Post(otherCorp), await Post(good, "<xml><Encrypt>not-xml"),
                     await Post(good, "this is not xml at all"),
                 })
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Equal(before, await InboxCount());
    }

    [Fact]
    public async Task A_tenant_without_a_connection_gets_no_callbacks()
    {
        var sealedCallback = Crypto().Seal(AddEvent(AppWithSimulator.CorpId, 1_700_000_005, "wm_nobody"), Now, "n-x");
        var response = await _host.App.Anonymous().PostAsync($"/wecom/callback/{Guid.NewGuid():N}{sealedCallback.QueryString}",
            new StringContent(sealedCallback.Body, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class CallbackPipelineSqlite() : CallbackPipelineTests("sqlite");

public sealed class CallbackPipelinePostgres() : CallbackPipelineTests("postgres");
