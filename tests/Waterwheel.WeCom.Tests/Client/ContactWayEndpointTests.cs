using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class ContactWayEndpointTests
{
    private static ContactWay Single(string user, string state = "store-3") =>
        new() { Type = 1, Scene = 2, User = [user], State = state, Remark = "Nanjing Rd counter" };

    [Fact]
    public async Task Add_then_get_round_trips_the_configuration()
    {
        await using var f = await WeComFixture.Start();
        var added = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Value!;
        Assert.False(string.IsNullOrEmpty(added.ConfigId));
        Assert.StartsWith("https://", added.QrCode);

        var way = (await f.Client.GetContactWay(f.App, added.ConfigId)).Value!.ContactWay!;
        Assert.Equal((added.ConfigId, 1, 2, "store-3", "Nanjing Rd counter", true), (way.ConfigId, way.Type, way.Scene, way.State, way.Remark, way.SkipVerify));
        Assert.Equal(["guide.li"], way.User);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields()
    {
        await using var f = await WeComFixture.Start();
        var id = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Value!.ConfigId;
        Assert.True((await f.Client.UpdateContactWay(f.App, new ContactWay { ConfigId = id, State = "parcel-card", SkipVerify = false })).IsSuccess);
        var way = (await f.Client.GetContactWay(f.App, id)).Value!.ContactWay!;
        Assert.Equal(("parcel-card", false, "Nanjing Rd counter"), (way.State, way.SkipVerify, way.Remark));
    }

    [Fact]
    public async Task Refused_update_changes_nothing()
    {
        await using var f = await WeComFixture.Start();
        var id = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Value!.ConfigId;
        var refused = await f.Client.UpdateContactWay(f.App, new ContactWay { ConfigId = id, State = "new", User = ["guide.li", "guide.wang"] });
        Assert.Equal(40058, refused.Error!.ErrCode);
        Assert.Equal("store-3", (await f.Client.GetContactWay(f.App, id)).Value!.ContactWay!.State);
    }

    [Fact]
    public async Task List_pages_and_delete_removes()
    {
        await using var f = await WeComFixture.Start();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await f.Client.AddContactWay(f.App, Single("guide.li", $"s{i}"))).Value!.ConfigId);

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await f.Client.ListContactWays(f.App, new ListContactWaysRequest(Cursor: cursor, Limit: 2))).Value!;
            listed.AddRange(page.ContactWay.Select(w => w.ConfigId));
            cursor = page.NextCursor;
        } while (!string.IsNullOrEmpty(cursor));
        Assert.Equal(ids, listed);

        Assert.True((await f.Client.DeleteContactWay(f.App, ids[0])).IsSuccess);
        Assert.Equal(41044, (await f.Client.GetContactWay(f.App, ids[0])).Error!.ErrCode);
        Assert.Equal(41044, (await f.Client.DeleteContactWay(f.App, ids[0])).Error!.ErrCode);
    }

    [Fact]
    public async Task Shape_rules_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40058, (await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 2, User = ["guide.li", "guide.wang"] })).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 2, User = ["guide.li"], Party = [3] })).Error!.ErrCode);
        Assert.Equal(41040, (await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 7, User = ["guide.li"] })).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.AddContactWay(f.App, Single("guide.li", new string('s', 31)))).Error!.ErrCode);
        Assert.Equal(60111, (await f.Client.AddContactWay(f.App, Single("nobody"))).Error!.ErrCode);
        Assert.True((await f.Client.AddContactWay(f.App, new ContactWay { Type = 2, Scene = 2, User = ["guide.li"], Party = [3] })).IsSuccess);
    }

    [Fact]
    public async Task A_way_without_members_or_with_a_31_character_state_is_refused_and_nothing_is_stored()
    {
        await using var f = await WeComFixture.Start();
        var empty = await f.Client.AddContactWay(f.App, new ContactWay { Type = 2, Scene = 2, User = [], State = "empty" });
        Assert.Equal(40058, empty.Error!.ErrCode);
        var longState = await f.Client.AddContactWay(f.App, new ContactWay { Type = 2, Scene = 2, User = ["guide.li"], State = new string('s', 31) });
        Assert.Equal(40058, longState.Error!.ErrCode);
        Assert.False(string.IsNullOrWhiteSpace(longState.Error.Message));
        lock (f.State.Sync) Assert.Empty(f.Corp.ContactWays);

        // An update that would empty a way, or lengthen its state past 30, leaves it as it was.
        var id = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Value!.ConfigId;
        Assert.Equal(40058, (await f.Client.UpdateContactWay(f.App, new ContactWay { ConfigId = id, User = [] })).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.UpdateContactWay(f.App, new ContactWay { ConfigId = id, State = new string('s', 31) })).Error!.ErrCode);
        var way = (await f.Client.GetContactWay(f.App, id)).Value!.ContactWay!;
        Assert.Equal(["guide.li"], way.User);
        Assert.Equal("store-3", way.State);
    }

    [Fact]
    public async Task Quota_is_shared_and_enforced()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync) f.Corp.ContactWayQuota = 2;
        Assert.True((await f.Client.AddContactWay(f.App, Single("guide.li"))).IsSuccess);
        var second = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Value!.ConfigId;
        // Deleting does not give quota back: the cap counts ways created.
        await f.Client.DeleteContactWay(f.App, second);
        var refused = (await f.Client.AddContactWay(f.App, Single("guide.li"))).Error!;
        Assert.Equal((41045, WeComErrorKind.Data), (refused.ErrCode, refused.Kind));
    }
}
