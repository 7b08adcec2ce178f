using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

/// <summary>
/// An admin's whole-group and tag-rename actions in the simulated console: one callback each, as WeCom sends, and
/// the corp as the API then reads it.
/// </summary>
public sealed class CrowdTagGroupTests
{
    [Fact]
    public async Task A_group_made_and_deleted_in_the_console_is_one_event_each_and_its_tags_leave_every_customer()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var customer = f.Corp.Follows[0].ExternalUserid;

        var made = await f.Simulator.Crowd.AdminAddsTagGroup(WeComFixture.CorpId, "会员等级", ["金卡", "银卡"]);
        var group = Assert.Single((await f.Client.GetCorpTagList(f.App, groupIds: [made.ExternalUserid])).Value!.TagGroup);
        Assert.Equal("会员等级", group.GroupName);
        Assert.Equal(["金卡", "银卡"], group.Tag.Select(t => t.Name));
        var gold = group.Tag[0].Id;
        Assert.True((await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: [gold]))).IsSuccess);
        await f.Simulator.Crowd.AdminRenamesTag(WeComFixture.CorpId, gold, "黑金卡");
        Assert.Equal("黑金卡", (await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].Tags.Single(t => t.TagId == gold).TagName);

        await f.Simulator.Crowd.AdminDeletesTagGroup(WeComFixture.CorpId, made.ExternalUserid);

        var events = receiver.Received.Select(r => Assert.IsType<ExternalTagChanged>(WeComEventParser.Parse(r.Plain.Value).Value)).ToList();
        Assert.Equal([("create", ExternalTagChanged.TagGroup, made.ExternalUserid), ("update", ExternalTagChanged.Tag, gold),
            ("delete", ExternalTagChanged.TagGroup, made.ExternalUserid)], events.Select(e => (e.Header.ChangeType, e.TagType, e.Id)));
        Assert.Empty((await f.Client.GetCorpTagList(f.App, groupIds: [made.ExternalUserid])).Value!.TagGroup);
        Assert.DoesNotContain((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].Tags, t => t.TagId == gold);
    }

    [Fact]
    public async Task A_guide_can_only_pick_a_live_tag()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            f.Simulator.Crowd.StaffEditsTags(WeComFixture.CorpId, "guide.li", customer, ["et-no-such-tag"], []));
        Assert.Empty((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].Tags);
    }
}
