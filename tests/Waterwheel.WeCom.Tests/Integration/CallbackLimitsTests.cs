using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.Testing;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// A callback that passes the crypto is stored, or refused with a 4xx — never a 500, which WeCom retries three times
/// and then drops. Oversized fields are the usual way to reach a 500: they overflow the inbox's columns.
/// </summary>
public abstract class CallbackLimitsTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Now => _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString();

    private static SealedCallback Seal(string xml, string timestamp, string nonce) =>
        CallbackCrypto.Create(AppWithSimulator.Token, AppWithSimulator.AesKey, AppWithSimulator.CorpId).Value!.Seal(xml, timestamp, nonce);

    private Task<HttpResponseMessage> Post(SealedCallback callback) =>
        _host.App.Anonymous().PostAsync(_host.CallbackPath + callback.QueryString, new StringContent(callback.Body, Encoding.UTF8, "text/xml"));

    private Task<List<InboxMessage>> Inbox() => _host.App.InScope(sp =>
        sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox.AsNoTracking().ToListAsync());

    private static string Event(string @event, string changeType, string extra, long createTime = 1_700_000_100) =>
        $"<xml><ToUserName><![CDATA[{AppWithSimulator.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{@event}]]></Event>" +
        $"<ChangeType><![CDATA[{changeType}]]></ChangeType>{extra}</xml>";

    private static string GroupUpdate(IEnumerable<string> members, string curMemVer) =>
        Event("change_external_chat", "update",
            "<ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId><UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>1</JoinScene>" +
            $"<MemChangeCnt>{members.Count()}</MemChangeCnt><MemChangeList>{string.Concat(members.Select(m => $"<Item>{m}</Item>"))}</MemChangeList>" +
            $"<LastMemVer>9a4f6c3b1e2d8a7f0c5b6e4d3a2f1e0d</LastMemVer><CurMemVer>{curMemVer}</CurMemVer>");

    [Fact]
    public async Task A_group_update_with_200_member_changes_is_stored_once_under_a_key_that_fits()
    {
        var members = Enumerable.Range(0, 200).Select(i => $"wmOgQhDgAAx{i:D5}ZpS4nGNwW8Ezm4E1b0AAAAA").ToList();
        var callback = Seal(GroupUpdate(members, "71217227bbd112ecfe3a49c482195cb4"), Now, "n-crowd");

        Assert.Equal(HttpStatusCode.OK, (await Post(callback)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(callback)).StatusCode);

        var stored = Assert.Single(await Inbox(), m => m.Payload.Contains("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", StringComparison.Ordinal));
        Assert.True(stored.DedupeKey.Length <= InboxMessageConfiguration.DedupeKeyLength);
        // The fixed part stays readable in the key: the group, the kind of change and the member version.
        Assert.Contains("|wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA|add_member|71217227bbd112ecfe3a49c482195cb4|", stored.DedupeKey);
    }

    [Fact]
    public async Task Two_updates_differing_only_in_their_long_member_lists_are_both_stored()
    {
        var first = Enumerable.Range(0, 200).Select(i => $"wmOgQhDgAAx{i:D5}ZpS4nGNwW8Ezm4E1b0AAAAA").ToList();
        var second = first.Take(199).Append("wmOgQhDgAAxLASTZpS4nGNwW8Ezm4E1b0AAAAA").ToList();

        Assert.Equal(HttpStatusCode.OK, (await Post(Seal(GroupUpdate(first, "v2"), Now, "n-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(Seal(GroupUpdate(second, "v2"), Now, "n-2"))).StatusCode);

        Assert.Equal(2, (await Inbox()).Count(m => m.Payload.Contains("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_customer_id_longer_than_the_partition_column_is_stored_with_a_bounded_partition()
    {
        var longId = "wm" + new string('x', 300);
        var edit = Event("change_external_contact", "edit_external_contact",
            $"<UserID><![CDATA[guide.li]]></UserID><ExternalUserID><![CDATA[{longId}]]></ExternalUserID>");

        Assert.Equal(HttpStatusCode.OK, (await Post(Seal(edit, Now, "n-long"))).StatusCode);

        var stored = Assert.Single(await Inbox(), m => m.Payload.Contains(longId, StringComparison.Ordinal));
        Assert.NotNull(stored.Partition);
        Assert.True(stored.Partition.Length <= InboxMessageConfiguration.PartitionLength);
        Assert.True(stored.DedupeKey.Length <= InboxMessageConfiguration.DedupeKeyLength);
    }

    [Fact]
    public async Task Unknown_events_with_long_names_and_contact_events_without_a_customer_are_stored()
    {
        var unknown = Event(new string('e', 300), new string('c', 300), "<Anything>1</Anything>");
        var noCustomer = Event("change_external_contact", "edit_external_contact", "<UserID><![CDATA[guide.li]]></UserID>");

        Assert.Equal(HttpStatusCode.OK, (await Post(Seal(unknown, Now, "n-unknown"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(Seal(noCustomer, Now, "n-none"))).StatusCode);

        var stored = await Inbox();
        Assert.Contains(stored, m => m.Payload.Contains(new string('e', 300), StringComparison.Ordinal));
        Assert.Contains(stored, m => m.Payload.Contains("<UserID><![CDATA[guide.li]]></UserID></xml>", StringComparison.Ordinal) && m.Partition is null);
    }

    [Fact]
    public async Task A_large_streamed_body_is_answered_413_without_being_read_to_its_end()
    {
        var body = new EndlessStream(256L * 1024 * 1024);
        var callback = Seal(Event("change_external_contact", "edit_external_contact", ""), Now, "n-big");
        using var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");

        // No Content-Length: the body is chunked, so only reading can find out how big it is.
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.CallbackPath + callback.QueryString) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _host.App.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.Produced < 8 * 1024 * 1024, $"The receiver read {body.Produced} bytes of a body it refuses.");
        Assert.Empty(await Inbox());
    }

    [Fact]
    public async Task A_timestamp_beyond_any_date_is_refused_not_a_server_error()
    {
        var edit = Event("change_external_contact", "edit_external_contact",
            "<UserID><![CDATA[guide.li]]></UserID><ExternalUserID><![CDATA[wm_far_future]]></ExternalUserID>");

        var response = await Post(Seal(edit, "999999999999999999", "n-far"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class CallbackLimitsSqlite() : CallbackLimitsTests("sqlite");

public sealed class CallbackLimitsPostgres() : CallbackLimitsTests("postgres");
