using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class CustomerEndpointTests
{
    [Fact]
    public async Task List_returns_the_members_customers()
    {
        await using var f = await WeComFixture.Start();
        var ids = (await f.Client.ListExternalContacts(f.App, "guide.li")).Value!.ExternalUserid;
        Assert.Equal(f.Corp.Follows.Select(x => x.ExternalUserid), ids);
        Assert.Equal(60111, (await f.Client.ListExternalContacts(f.App, "nobody")).Error!.ErrCode);
    }

    [Fact]
    public async Task Get_returns_the_customer_with_every_follower_and_their_tags()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        lock (f.State.Sync)
        {
            f.Corp.Relate("guide.wang", customer, f.State.Now, addWay: 2);
            f.Corp.Follow("guide.li", customer)!.TagIds.Add(f.Channel.Tags[1].Id);
        }
        var got = (await f.Client.GetExternalContact(f.App, customer)).Value!;
        Assert.Equal(("Chen Jing", 1), (got.ExternalContact!.Name, got.ExternalContact.Type));
        Assert.Equal(["guide.li", "guide.wang"], got.FollowUser.Select(u => u.Userid));
        var li = got.FollowUser[0];
        Assert.Equal(("store-3", AddWays.QrCode), (li.State, li.AddWay));
        var tag = Assert.Single(li.Tags);
        Assert.Equal(("Channel", "Parcel card", f.Channel.Tags[1].Id), (tag.GroupName, tag.TagName, tag.TagId));
        Assert.True(string.IsNullOrEmpty(got.NextCursor));
    }

    [Fact]
    public async Task Get_of_an_unknown_customer_is_40096()
    {
        await using var f = await WeComFixture.Start();
        var error = (await f.Client.GetExternalContact(f.App, "wmnotacustomer")).Error!;
        Assert.Equal((40096, WeComErrorKind.Data), (error.ErrCode, error.Kind));
    }

    [Fact]
    public async Task Remark_updates_the_relation_and_clears_mobiles_with_an_empty_entry()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        var set = await f.Client.Remark(f.App, new RemarkRequest("guide.li", customer, Remark: "VIP 陈", RemarkMobiles: ["13800001234"]));
        Assert.True(set.IsSuccess);
        var follow = (await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0];
        Assert.Equal("VIP 陈", follow.Remark);
        Assert.Equal(["13800001234"], follow.RemarkMobiles);

        Assert.True((await f.Client.Remark(f.App, new RemarkRequest("guide.li", customer, RemarkMobiles: [""]))).IsSuccess);
        Assert.Empty((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].RemarkMobiles);
    }

    [Fact]
    public async Task Remark_rules_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        Assert.Equal(40058, (await f.Client.Remark(f.App, new RemarkRequest("guide.li", customer))).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.Remark(f.App, new RemarkRequest("guide.li", customer, Remark: new string('x', 21)))).Error!.ErrCode);
        Assert.Equal(84061, (await f.Client.Remark(f.App, new RemarkRequest("guide.wang", customer, Remark: "x"))).Error!.ErrCode);
    }
}
