using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

public sealed class CrowdJoinWayTests
{
    [Fact]
    public async Task Scanning_a_join_way_adds_the_customer_to_its_group_with_the_join_ways_state()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var chatId = f.Corp.Groups.Values.Single(g => g.Name == "New arrivals").ChatId;
        var way = (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 2, ChatIdList = [chatId], State = "poster-1124" })).Value!.ConfigId;
        var customer = f.Corp.Follows[1].ExternalUserid;

        await f.Simulator.Crowd.ScanJoinWay(WeComFixture.CorpId, way, customer);

        var update = Assert.IsType<ExternalChatUpdated>(WeComEventParser.Parse(Assert.Single(receiver.Received).Plain.Value).Value);
        Assert.Equal((chatId, ExternalChatUpdated.AddMember, 3), (update.ChatId, update.UpdateDetail, update.JoinScene));
        var member = (await f.Client.GetGroupChat(f.App, chatId)).Value!.GroupChat!.MemberList.Single(m => m.Userid == customer);
        Assert.Equal(("poster-1124", 3, 2), (member.State, member.JoinScene, member.Type));
    }

    [Fact]
    public async Task A_full_group_makes_the_join_way_open_the_next_room_and_wecom_pushes_its_creation_first()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        var full = f.Corp.Groups.Values.Single(g => g.Name == "New arrivals");
        lock (f.State.Sync)
            while (full.Members.Count < SimulatedCrowd.GroupCapacity)
                full.Members.Add(new SimGroupMember { Userid = f.Corp.NewId("wm"), Type = 2, JoinTime = f.State.Now });
        var way = (await f.Client.AddJoinWay(f.App, new JoinWay
        {
            Scene = 2, ChatIdList = [full.ChatId], AutoCreateRoom = 1, RoomBaseName = "新品体验群", RoomBaseId = 2,
        })).Value!.ConfigId;
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;

        await f.Simulator.Crowd.ScanJoinWay(WeComFixture.CorpId, way, "wmnewcomer");

        var events = receiver.Received.Select(r => WeComEventParser.Parse(r.Plain.Value).Value).ToList();
        var created = Assert.IsType<ExternalChatCreated>(events[0]);
        var joined = Assert.IsType<ExternalChatUpdated>(events[1]);
        Assert.Equal(created.ChatId, joined.ChatId);
        var room = (await f.Client.GetGroupChat(f.App, created.ChatId)).Value!.GroupChat!;
        Assert.Equal(("新品体验群2", full.Owner), (room.Name, room.Owner));
        Assert.Contains(room.MemberList, m => m.Userid == "wmnewcomer");
        Assert.Contains(created.ChatId, (await f.Client.GetJoinWay(f.App, way)).Value!.JoinWay!.ChatIdList!);
    }
}
