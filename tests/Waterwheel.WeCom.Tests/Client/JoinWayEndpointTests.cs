using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class JoinWayEndpointTests
{
    [Fact]
    public async Task Add_get_update_delete()
    {
        await using var f = await WeComFixture.Start();
        var chats = f.Corp.Groups.Keys.Order(StringComparer.Ordinal).ToList();
        var id = (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 2, ChatIdList = [chats[0]], State = "store-3", RoomBaseName = "VIP" })).Value!.ConfigId;

        var got = (await f.Client.GetJoinWay(f.App, id)).Value!.JoinWay!;
        Assert.Equal((2, "store-3", "VIP", 1), (got.Scene, got.State, got.RoomBaseName, got.AutoCreateRoom));
        Assert.Equal([chats[0]], got.ChatIdList);
        Assert.StartsWith("https://", got.QrCode);

        Assert.True((await f.Client.UpdateJoinWay(f.App, new JoinWay { ConfigId = id, ChatIdList = chats, AutoCreateRoom = 0 })).IsSuccess);
        got = (await f.Client.GetJoinWay(f.App, id)).Value!.JoinWay!;
        Assert.Equal((0, "store-3"), (got.AutoCreateRoom, got.State));
        Assert.Equal(chats, got.ChatIdList);

        Assert.True((await f.Client.DeleteJoinWay(f.App, id)).IsSuccess);
        Assert.Equal(41044, (await f.Client.GetJoinWay(f.App, id)).Error!.ErrCode);
    }

    [Fact]
    public async Task Rules_and_the_shared_quota_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        var chat = f.Corp.Groups.Keys.First();
        Assert.Equal(41091, (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 2, ChatIdList = Enumerable.Repeat(chat, 6).ToList() })).Error!.ErrCode);
        Assert.Equal(40050, (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 2, ChatIdList = ["wrnope"] })).Error!.ErrCode);
        Assert.Equal(41040, (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 5, ChatIdList = [chat] })).Error!.ErrCode);

        lock (f.State.Sync) f.Corp.ContactWayQuota = 1;
        Assert.True((await f.Client.AddContactWay(f.App, new ContactWay { Type = 1, Scene = 2, User = ["guide.li"] })).IsSuccess);
        Assert.Equal(41045, (await f.Client.AddJoinWay(f.App, new JoinWay { Scene = 2, ChatIdList = [chat] })).Error!.ErrCode);
    }
}
