using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class MassMessageEndpointTests
{
    private static MsgTemplateRequest ToCustomers(IReadOnlyList<string>? customers = null, TagFilter? filter = null, string? sender = "guide.li") =>
        new("single", new TextContent("春季新品到店"), ExternalUserid: customers, TagFilter: filter, Sender: sender);

    [Fact]
    public async Task Nothing_is_sent_until_the_member_confirms()
    {
        await using var f = await WeComFixture.Start();
        var stranger = f.Corp.AddCustomer("Stranger").ExternalUserid;
        var customers = f.Corp.Follows.Select(x => x.ExternalUserid).Append(stranger).ToList();
        var created = (await f.Client.AddMsgTemplate(f.App, ToCustomers(customers))).Value!;
        Assert.Equal([stranger], created.FailList);

        var task = Assert.Single((await f.Client.GetGroupMsgTask(f.App, created.Msgid)).Value!.TaskList);
        Assert.Equal(("guide.li", 0), (task.Userid, task.Status));
        Assert.All((await f.Client.GetGroupMsgSendResult(f.App, created.Msgid, "guide.li")).Value!.SendList, r => Assert.Equal(0, r.Status));

        f.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, created.Msgid, "guide.li"));
        task = Assert.Single((await f.Client.GetGroupMsgTask(f.App, created.Msgid)).Value!.TaskList);
        Assert.Equal((2, f.Time.GetUtcNow().ToUnixTimeSeconds()), (task.Status, task.SendTime));
        var results = (await f.Client.GetGroupMsgSendResult(f.App, created.Msgid, "guide.li")).Value!.SendList;
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(1, r.Status));
    }

    [Fact]
    public async Task Tag_filter_selects_recipients()
    {
        await using var f = await WeComFixture.Start();
        var tagged = f.Corp.Follows[1].ExternalUserid;
        await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", tagged, AddTag: [f.Channel.Tags[1].Id]));
        var created = (await f.Client.AddMsgTemplate(f.App, ToCustomers(filter: new TagFilter([new([f.Channel.Tags[1].Id])])))).Value!;
        f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, created.Msgid, "guide.li");
        var result = Assert.Single((await f.Client.GetGroupMsgSendResult(f.App, created.Msgid, "guide.li")).Value!.SendList);
        Assert.Equal(tagged, result.ExternalUserid);
    }

    [Fact]
    public async Task Monthly_quota_shows_as_status_3_and_lost_friends_as_status_2()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync) f.Corp.MassMessagesPerCustomerPerMonth = 1;
        var (first, gone) = (f.Corp.Follows[0].ExternalUserid, f.Corp.Follows[1].ExternalUserid);
        var a = (await f.Client.AddMsgTemplate(f.App, ToCustomers([first]))).Value!.Msgid;
        var b = (await f.Client.AddMsgTemplate(f.App, ToCustomers([first, gone]))).Value!.Msgid;
        f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, a, "guide.li");
        await f.Simulator.Crowd.CustomerDeletesStaff(WeComFixture.CorpId, "guide.li", gone);
        f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, b, "guide.li");

        var results = (await f.Client.GetGroupMsgSendResult(f.App, b, "guide.li")).Value!.SendList.ToDictionary(r => r.ExternalUserid!, r => r.Status);
        Assert.Equal(3, results[first]);
        Assert.Equal(2, results[gone]);
    }

    [Fact]
    public async Task Group_messages_need_a_sender_and_target_its_chats()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40058, (await f.Client.AddMsgTemplate(f.App, new MsgTemplateRequest("group", new TextContent("hi")))).Error!.ErrCode);
        var created = (await f.Client.AddMsgTemplate(f.App, new MsgTemplateRequest("group", new TextContent("hi"), Sender: "guide.li"))).Value!;
        f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, created.Msgid, "guide.li");
        var sent = Assert.Single((await f.Client.GetGroupMsgSendResult(f.App, created.Msgid, "guide.li")).Value!.SendList);
        Assert.Equal(f.Corp.Groups.Values.Single(g => g.Owner == "guide.li").ChatId, sent.ChatId);
    }

    [Fact]
    public async Task List_v2_filters_by_time_and_creator_and_pages()
    {
        await using var f = await WeComFixture.Start();
        var start = f.Time.GetUtcNow().ToUnixTimeSeconds();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await f.Client.AddMsgTemplate(f.App, ToCustomers())).Value!.Msgid);
            f.Time.Advance(TimeSpan.FromHours(1));
        }
        var end = f.Time.GetUtcNow().ToUnixTimeSeconds();
        var first = (await f.Client.GetGroupMsgList(f.App, new GroupMsgListRequest("single", start, end, Limit: 2))).Value!;
        var second = (await f.Client.GetGroupMsgList(f.App, new GroupMsgListRequest("single", start, end, Limit: 2, Cursor: first.NextCursor))).Value!;
        Assert.Equal(ids, first.GroupMsgList.Concat(second.GroupMsgList).Select(m => m.Msgid));
        Assert.Equal(("guide.li", 0, "春季新品到店"), (first.GroupMsgList[0].Creator, first.GroupMsgList[0].CreateType, first.GroupMsgList[0].Text!.Content));

        Assert.Empty((await f.Client.GetGroupMsgList(f.App, new GroupMsgListRequest("single", start, end, Creator: "guide.wang"))).Value!.GroupMsgList);
        Assert.Equal(40058, (await f.Client.GetGroupMsgList(f.App, new GroupMsgListRequest("single", start, start + 32 * 86400))).Error!.ErrCode);
    }

    [Fact]
    public async Task Still_dispatching_41063_is_retried_by_the_client()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync) f.Corp.MassDispatchDelay = TimeSpan.FromSeconds(2);
        var msgid = (await f.Client.AddMsgTemplate(f.App, ToCustomers())).Value!.Msgid;
        var early = (await f.Client.GetGroupMsgTask(f.App, msgid)).Error!;
        Assert.Equal((41063, WeComErrorKind.Retryable), (early.ErrCode, early.Kind));
        Assert.Equal(3, f.State.Faults.Calls("externalcontact/get_groupmsg_task"));
        f.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await f.Client.GetGroupMsgTask(f.App, msgid)).IsSuccess);
    }

    [Fact]
    public async Task Remind_three_times_a_day_and_cancel_once()
    {
        await using var f = await WeComFixture.Start();
        var msgid = (await f.Client.AddMsgTemplate(f.App, ToCustomers())).Value!.Msgid;
        for (var i = 0; i < 3; i++) Assert.True((await f.Client.RemindGroupMsgSend(f.App, msgid)).IsSuccess);
        Assert.Equal(41094, (await f.Client.RemindGroupMsgSend(f.App, msgid)).Error!.ErrCode);
        f.Time.Advance(TimeSpan.FromHours(24));
        Assert.True((await f.Client.RemindGroupMsgSend(f.App, msgid)).IsSuccess);

        Assert.True((await f.Client.CancelGroupMsgSend(f.App, msgid)).IsSuccess);
        Assert.Equal(41093, (await f.Client.CancelGroupMsgSend(f.App, msgid)).Error!.ErrCode);
        Assert.Equal(0, f.Simulator.Crowd.StaffConfirmsMassMessage(WeComFixture.CorpId, msgid, "guide.li"));
    }
}
