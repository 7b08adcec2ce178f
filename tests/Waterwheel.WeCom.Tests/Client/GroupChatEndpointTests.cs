using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class GroupChatEndpointTests
{
    [Fact]
    public async Task List_filters_by_owner_and_pages()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync)
            for (var i = 0; i < 4; i++) f.Corp.AddGroup($"Li group {i}", "guide.li", f.State.Now + i);

        var liOnly = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(2, OwnerFilter: new(["guide.li"]), Cursor: cursor))).Value!;
            liOnly.AddRange(page.GroupChatList.Select(g => g.ChatId));
            cursor = page.NextCursor;
            pages++;
        } while (!string.IsNullOrEmpty(cursor));
        Assert.Equal((5, 3), (liOnly.Count, pages));
        Assert.All(liOnly, id => Assert.Equal("guide.li", f.Corp.Groups[id].Owner));

        Assert.Equal(6, (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(1000))).Value!.GroupChatList.Count);
    }

    [Fact]
    public async Task List_checks_limit_and_refuses_unfiltered_listing_of_big_corps()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40058, (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(0))).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(1001))).Error!.ErrCode);
        lock (f.State.Sync)
            for (var i = 0; i < 1000; i++) f.Corp.AddStaff($"clerk.{i}", $"Clerk {i}", 3);
        var refused = (await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(100))).Error!;
        Assert.Equal((81017, WeComErrorKind.Data), (refused.ErrCode, refused.Kind));
        Assert.Contains("owner_filter", refused.Message);
        Assert.True((await f.Client.ListGroupChats(f.App, new ListGroupChatsRequest(100, OwnerFilter: new(["guide.li"])))).IsSuccess);
    }

    [Fact]
    public async Task Get_returns_members_admins_and_version()
    {
        await using var f = await WeComFixture.Start();
        var vip = f.Corp.Groups.Values.Single(g => g.Name == "VIP Nanjing Rd");
        var chat = (await f.Client.GetGroupChat(f.App, vip.ChatId)).Value!.GroupChat!;
        Assert.Equal(("VIP Nanjing Rd", "guide.li", vip.MemberVersion), (chat.Name, chat.Owner, chat.MemberVersion));
        var customer = chat.MemberList.Single(m => m.Type == 2);
        Assert.Equal((3, "guide.li", "Chen Jing"), (customer.JoinScene, customer.Invitor!.Userid, customer.Name));

        var unnamed = (await f.Client.GetGroupChat(f.App, vip.ChatId, needName: false)).Value!.GroupChat!;
        Assert.All(unnamed.MemberList, m => Assert.Null(m.Name));
        Assert.Equal(40050, (await f.Client.GetGroupChat(f.App, "wrnope")).Error!.ErrCode);
    }
}
