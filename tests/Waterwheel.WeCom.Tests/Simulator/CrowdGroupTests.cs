using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

public sealed class CrowdGroupTests
{
    [Fact]
    public async Task Joining_a_group_pushes_add_member_with_versions_that_match_groupchat_get()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var chatId = f.Corp.Groups.Values.Single(g => g.Name == "New arrivals").ChatId;
        var held = (await f.Client.GetGroupChat(f.App, chatId)).Value!.GroupChat!.MemberVersion;
        var customer = f.Corp.Follows[2].ExternalUserid;

        await f.Simulator.Crowd.CustomerJoinsGroup(WeComFixture.CorpId, chatId, customer);

        var update = Assert.IsType<ExternalChatUpdated>(WeComEventParser.Parse(Assert.Single(receiver.Received).Plain.Value).Value);
        Assert.Equal((chatId, ExternalChatUpdated.AddMember, 3, 1), (update.ChatId, update.UpdateDetail, update.JoinScene, update.MemChangeCnt));
        Assert.Equal([customer], update.MemChangeList);
        Assert.Equal(held, update.LastMemVer);
        var now = (await f.Client.GetGroupChat(f.App, chatId)).Value!.GroupChat!;
        Assert.Equal(update.CurMemVer, now.MemberVersion);
        Assert.NotEqual(held, now.MemberVersion);
        Assert.Contains(now.MemberList, m => m.Userid == customer && m.Type == 2);
    }

    [Fact]
    public async Task Member_deleting_a_customer_pushes_del_external_contact()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var customer = f.Corp.Follows[0].ExternalUserid;

        await f.Simulator.Crowd.StaffDeletesCustomer(WeComFixture.CorpId, "guide.li", customer);

        var deleted = Assert.IsType<ExternalContactDeletedByStaff>(WeComEventParser.Parse(Assert.Single(receiver.Received).Plain.Value).Value);
        Assert.Equal(("guide.li", customer, false), (deleted.UserId, deleted.ExternalUserId, deleted.ByTransfer));
        Assert.Null(f.Corp.Follow("guide.li", customer));
    }
}
