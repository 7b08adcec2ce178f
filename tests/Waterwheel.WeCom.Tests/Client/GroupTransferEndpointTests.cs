using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class GroupTransferEndpointTests
{
    private static string Chat(WeComFixture f, string name) => f.Corp.Groups.Values.Single(g => g.Name == name).ChatId;

    private static async Task<List<(string, int)>> Failures(Task<WeComResult<GroupTransferResponse>> call) =>
        (await call).Value!.FailedChatList.Select(c => (c.ChatId, c.Errcode)).ToList();

    [Fact]
    public async Task Groups_of_a_member_who_left_get_the_new_owner()
    {
        await using var f = await WeComFixture.Start();
        var (vip, arrivals) = (Chat(f, "VIP Nanjing Rd"), Chat(f, "New arrivals"));
        lock (f.State.Sync) f.Corp.Resign("guide.li", f.Time.GetUtcNow());
        var awaiting = (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(100, StatusFilter: 1))).Value!.GroupChatList;
        Assert.Equal([vip], awaiting.Select(g => g.ChatId));
        var versionBefore = (await f.Client.GetGroupChat(f.App, vip)).Value!.GroupChat!.MemberVersion;

        var request = new GroupTransferRequest([vip, arrivals, "wrnope"], "guide.wang");
        Assert.Equal([(arrivals, 90504), ("wrnope", 40050)], await Failures(f.Client.TransferResignedGroupChats(f.App, request)));

        var chat = (await f.Client.GetGroupChat(f.App, vip)).Value!.GroupChat!;
        Assert.Equal("guide.wang", chat.Owner);
        Assert.Contains(chat.MemberList, m => (m.Userid, m.Type) == ("guide.wang", 1));
        Assert.NotEqual(versionBefore, chat.MemberVersion);
        Assert.Equal([vip], (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(100, StatusFilter: 3))).Value!.GroupChatList.Select(g => g.ChatId));
        // Sending the same call again changes nothing: the group already has this owner.
        Assert.Contains((vip, 90504), await Failures(f.Client.TransferResignedGroupChats(f.App, request)));
        Assert.Single(f.Corp.GroupTransfers);
    }

    [Fact]
    public async Task Each_api_takes_only_its_own_kind_of_owner()
    {
        await using var f = await WeComFixture.Start();
        var (vip, arrivals) = (Chat(f, "VIP Nanjing Rd"), Chat(f, "New arrivals"));
        Assert.Equal([(arrivals, 90500)], await Failures(f.Client.TransferResignedGroupChats(f.App, new([arrivals], "guide.li"))));
        lock (f.State.Sync) f.Corp.Resign("guide.li", f.Time.GetUtcNow());
        Assert.Equal([(vip, 90502)], await Failures(f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.wang"))));
        Assert.Equal("guide.li", f.Corp.Groups[vip].Owner);
        Assert.Empty(f.Corp.GroupTransfers);
    }

    [Fact]
    public async Task A_group_changes_owner_on_the_job_at_most_twice_in_ninety_days()
    {
        await using var f = await WeComFixture.Start();
        var vip = Chat(f, "VIP Nanjing Rd");
        Assert.Empty(await Failures(f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.wang"))));
        Assert.Equal("guide.wang", (await f.Client.GetGroupChat(f.App, vip)).Value!.GroupChat!.Owner);
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Failures(f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.li"))));
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal([(vip, 40128)], await Failures(f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.wang"))));
        Assert.Equal("guide.li", f.Corp.Groups[vip].Owner);

        f.Time.Advance(TimeSpan.FromDays(89));
        Assert.Empty(await Failures(f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.wang"))));
    }

    [Fact]
    public async Task At_most_300_groups_of_one_owner_move_per_day()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync)
            for (var i = 0; i < 301; i++) f.Corp.AddGroup($"Li group {i}", "guide.li", f.State.Now);
        var liGroups = f.Corp.Groups.Values.Where(g => g.Owner == "guide.li").Select(g => g.ChatId).ToList();
        Assert.Equal(302, liGroups.Count);

        foreach (var batch in liGroups.Take(300).Chunk(100))
            Assert.Empty(await Failures(f.Client.TransferGroupChatsOnJob(f.App, new(batch, "guide.wang"))));
        var rest = liGroups.Skip(300).ToList();
        Assert.Equal(rest.Select(c => (c, 40128)), await Failures(f.Client.TransferGroupChatsOnJob(f.App, new(rest, "guide.wang"))));

        // The day is China's: 01:00 UTC is 09:00 there, so the next day starts 15 hours later.
        f.Time.Advance(TimeSpan.FromHours(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await Failures(f.Client.TransferGroupChatsOnJob(f.App, new(rest, "guide.wang")))).Count);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await Failures(f.Client.TransferGroupChatsOnJob(f.App, new(rest, "guide.wang"))));
    }

    [Fact]
    public async Task Bad_requests_are_refused_whole()
    {
        await using var f = await WeComFixture.Start();
        var vip = Chat(f, "VIP Nanjing Rd");
        Assert.Equal(40058, (await f.Client.TransferGroupChatsOnJob(f.App, new([], "guide.wang"))).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.TransferGroupChatsOnJob(f.App, new(Enumerable.Range(0, 101).Select(i => $"wr{i}").ToList(), "guide.wang"))).Error!.ErrCode);
        var unknown = (await f.Client.TransferGroupChatsOnJob(f.App, new([vip], "nobody"))).Error!;
        Assert.Equal((46004, WeComErrorKind.Data), (unknown.ErrCode, unknown.Kind));
        lock (f.State.Sync) f.Corp.Resign("guide.wang", f.Time.GetUtcNow());
        Assert.Equal(46004, (await f.Client.TransferGroupChatsOnJob(f.App, new([vip], "guide.wang"))).Error!.ErrCode);
        Assert.Equal("guide.li", f.Corp.Groups[vip].Owner);
        Assert.Empty(f.Corp.GroupTransfers);
    }
}
