using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

/// <summary>The crowd's group and tag actions change the simulated corp and push the events WeCom would.</summary>
public sealed class CrowdGroupLifeTests
{
    [Fact]
    public async Task Leaving_a_group_pushes_del_member_from_the_held_version_and_dismissing_removes_the_group()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var created = await f.Simulator.Crowd.StaffCreatesGroup(WeComFixture.CorpId, "guide.li", "周末烘焙课");
        var chatId = created.ExternalUserid;
        await f.Simulator.Crowd.CustomerJoinsGroup(WeComFixture.CorpId, chatId, "wm_leaver");
        var held = (await f.Client.GetGroupChat(f.App, chatId)).Value!.GroupChat!.MemberVersion;

        await f.Simulator.Crowd.CustomerLeavesGroup(WeComFixture.CorpId, chatId, "wm_leaver", quitScene: 1);
        await f.Simulator.Crowd.OwnerDismissesGroup(WeComFixture.CorpId, chatId);

        var events = receiver.Received.Select(r => WeComEventParser.Parse(r.Plain.Value).Value).ToList();
        Assert.Equal(chatId, Assert.IsType<ExternalChatCreated>(events[0]).ChatId);
        var left = Assert.IsType<ExternalChatUpdated>(events[2]);
        Assert.Equal((ExternalChatUpdated.DelMember, 1, held), (left.UpdateDetail, left.QuitScene, left.LastMemVer));
        Assert.Equal(["wm_leaver"], left.MemChangeList);
        Assert.NotEqual(held, left.CurMemVer);
        Assert.Equal(chatId, Assert.IsType<ExternalChatDismissed>(events[3]).ChatId);
        Assert.Equal(40050, (await f.Client.GetGroupChat(f.App, chatId)).Error!.ErrCode);
    }

    [Fact]
    public async Task Admin_tag_changes_push_change_external_tag_naming_the_tag_or_group()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var group = f.Corp.TagGroups[0];

        var added = await f.Simulator.Crowd.AdminAddsTag(WeComFixture.CorpId, group.GroupId, "新品尝鲜");
        await f.Simulator.Crowd.AdminDeletesTag(WeComFixture.CorpId, added.ExternalUserid);
        await f.Simulator.Crowd.AdminReordersTagGroups(WeComFixture.CorpId, [group.GroupId]);

        var events = receiver.Received.Select(r => Assert.IsType<ExternalTagChanged>(WeComEventParser.Parse(r.Plain.Value).Value)).ToList();
        Assert.Equal([("create", ExternalTagChanged.Tag, added.ExternalUserid), ("delete", ExternalTagChanged.Tag, added.ExternalUserid),
            ("shuffle", ExternalTagChanged.TagGroup, "")], events.Select(e => (e.Header.ChangeType, e.TagType, e.Id)));
        var list = (await f.Client.GetCorpTagList(f.App)).Value!.TagGroup;
        Assert.DoesNotContain(list.SelectMany(g => g.Tag), t => t.Id == added.ExternalUserid);
    }
}
