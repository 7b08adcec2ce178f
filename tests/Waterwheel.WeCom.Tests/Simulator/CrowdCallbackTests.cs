using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

public sealed class CrowdCallbackTests
{
    private static async Task<(WeComFixture, CallbackReceiver)> Start()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        return (f, receiver);
    }

    private static WeComEvent Event(Received received)
    {
        Assert.True(received.Plain.IsSuccess, $"receiver crypto refused the push: {received.Plain.Error}");
        return WeComEventParser.Parse(received.Plain.Value).Value!;
    }

    [Fact]
    public async Task Scanning_a_contact_way_pushes_an_add_event_that_decrypts_and_whose_code_works()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        var way = (await f.Client.AddContactWay(f.App, new ContactWay { Type = 2, Scene = 2, User = ["guide.li", "guide.wang"], State = "poster-42" })).Value!;

        var outcome = await f.Simulator.Crowd.ScanContactWay(WeComFixture.CorpId, way.ConfigId);

        Assert.True(outcome.Delivery!.Delivered);
        var received = Assert.Single(receiver.Received);
        Assert.Contains($"<ToUserName><![CDATA[{WeComFixture.CorpId}]]></ToUserName>", received.Body);
        var added = Assert.IsType<ExternalContactAdded>(Event(received));
        Assert.Equal(("poster-42", outcome.WelcomeCode, outcome.ExternalUserid, outcome.Userid), (added.State, added.WelcomeCode, added.ExternalUserId, added.UserId));
        Assert.Contains(added.UserId, new[] { "guide.li", "guide.wang" });
        Assert.Equal(f.Time.GetUtcNow().ToUnixTimeSeconds(), added.Header.CreateTime);

        var relation = (await f.Client.GetExternalContact(f.App, added.ExternalUserId)).Value!.FollowUser.Single();
        Assert.Equal(("poster-42", AddWays.QrCode), (relation.State, relation.AddWay));
        Assert.True((await f.Client.SendWelcomeMessage(f.App, new WelcomeMessage(added.WelcomeCode!, new TextContent("Hi")))).IsSuccess);
    }

    [Fact]
    public async Task Failing_receiver_gets_identical_retries_until_it_accepts()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        receiver.Behaviour = (attempt, _) => Task.FromResult(attempt < 3 ? 500 : 200);

        var outcome = await f.Simulator.Crowd.AddStaff(WeComFixture.CorpId, "guide.li");

        Assert.True(outcome.Delivery!.Delivered);
        Assert.Equal([500, 500, 200], outcome.Delivery.Attempts.Select(a => a.Status));
        var tries = receiver.Received;
        Assert.Equal(3, tries.Count);
        Assert.Single(tries.Select(t => t.QueryString + t.Body).Distinct());
        Assert.Single(tries.Select(t => Event(t).DedupeKey).Distinct());
    }

    [Fact]
    public async Task Receiver_that_never_accepts_gets_exactly_three_tries()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        receiver.Behaviour = (_, _) => Task.FromResult(503);

        var outcome = await f.Simulator.Crowd.AddStaff(WeComFixture.CorpId, "guide.li");

        Assert.False(outcome.Delivery!.Delivered);
        Assert.Equal(3, receiver.Received.Count);
        // The change itself happened in WeCom regardless of the receiver.
        Assert.NotNull(f.Corp.Follow("guide.li", outcome.ExternalUserid));
    }

    [Fact]
    public async Task Slow_receiver_is_abandoned_after_five_seconds_and_retried()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        receiver.Behaviour = async (attempt, aborted) =>
        {
            if (attempt == 1) await Task.Delay(Timeout.Infinite, aborted);
            return 200;
        };

        var push = f.Simulator.Crowd.AddStaff(WeComFixture.CorpId, "guide.li");
        await receiver.Arrivals(1);
        Assert.False(push.IsCompleted);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var outcome = await push;

        Assert.True(outcome.Delivery!.Delivered);
        Assert.Equal([(null, "timeout"), (200, null)], outcome.Delivery.Attempts.Select(a => (a.Status, a.Failure)));
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
    }

    [Fact]
    public async Task Changes_made_through_the_api_raise_no_events()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        var customer = f.Corp.Follows[0].ExternalUserid;
        var tag = f.Channel.Tags[0].Id;

        Assert.True((await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: [tag]))).IsSuccess);
        Assert.True((await f.Client.Remark(f.App, new RemarkRequest("guide.li", customer, Remark: "api"))).IsSuccess);
        Assert.True((await f.Client.AddCorpTag(f.App, new AddCorpTagRequest([new("Api tag")], GroupName: "Api"))).IsSuccess);
        Assert.Empty(receiver.Received);

        // The same kind of change made by the member in the WeCom app is reported.
        await f.Simulator.Crowd.StaffEditsTags(WeComFixture.CorpId, "guide.li", customer, [], [tag]);
        var edited = Assert.IsType<ExternalContactEdited>(Event(Assert.Single(receiver.Received)));
        Assert.Equal(customer, edited.ExternalUserId);
        Assert.Empty((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].Tags);
    }

    [Fact]
    public async Task Customer_deleting_the_member_pushes_del_follow_user_and_ends_the_relation()
    {
        var (f, receiver) = await Start();
        await using var _ = f;
        await using var __ = receiver;
        var customer = f.Corp.Follows[0].ExternalUserid;

        await f.Simulator.Crowd.CustomerDeletesStaff(WeComFixture.CorpId, "guide.li", customer);

        var deleted = Assert.IsType<FollowUserDeleted>(Event(Assert.Single(receiver.Received)));
        Assert.Equal(("guide.li", customer), (deleted.UserId, deleted.ExternalUserId));
        Assert.DoesNotContain(customer, (await f.Client.ListExternalContacts(f.App, "guide.li")).Value!.ExternalUserid);
    }
}
