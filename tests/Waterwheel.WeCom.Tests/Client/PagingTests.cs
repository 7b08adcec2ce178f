using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class PagingTests
{
    private static void AddCustomers(WeComFixture f, string userid, int count)
    {
        lock (f.State.Sync)
            for (var i = 0; i < count; i++)
                f.Corp.Relate(userid, f.Corp.AddCustomer($"Customer {i}").ExternalUserid, f.State.Now);
    }

    [Fact]
    public async Task Batch_get_by_user_pages_with_a_cursor_until_it_is_empty()
    {
        await using var f = await WeComFixture.Start();
        AddCustomers(f, "guide.wang", 4); // guide.li has 3 from the seed: 7 in all
        var first = (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li", "guide.wang"], Limit: 3))).Value!;
        Assert.Equal(3, first.ExternalContactList.Count);
        Assert.False(string.IsNullOrEmpty(first.NextCursor));
        Assert.Equal("guide.li", first.ExternalContactList[0].FollowInfo!.Userid);
        Assert.Equal("store-3", first.ExternalContactList[0].FollowInfo!.State);

        var second = (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li", "guide.wang"], first.NextCursor, 3))).Value!;
        var third = (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li", "guide.wang"], second.NextCursor, 3))).Value!;
        Assert.Equal((3, 1), (second.ExternalContactList.Count, third.ExternalContactList.Count));
        Assert.True(string.IsNullOrEmpty(third.NextCursor));
    }

    [Fact]
    public async Task Enumeration_walks_every_page_exactly_once()
    {
        await using var f = await WeComFixture.Start();
        AddCustomers(f, "guide.wang", 8);
        var seen = new List<string>();
        await foreach (var item in f.Client.EnumerateCustomersOf(f.App, ["guide.li", "guide.wang"], limit: 2))
            seen.Add(item.Value!.ExternalContact!.ExternalUserid);
        Assert.Equal(11, seen.Count);
        Assert.Equal(f.Corp.Follows.Select(x => x.ExternalUserid).Order(), seen.Order());
        Assert.Equal(6, f.State.Faults.Calls("externalcontact/batch/get_by_user"));
    }

    [Fact]
    public async Task Enumeration_ends_with_the_error_when_a_page_fails()
    {
        await using var f = await WeComFixture.Start();
        AddCustomers(f, "guide.li", 3);
        var items = new List<WeComResult<CustomerOfUser>>();
        var pages = 0;
        await foreach (var item in f.Client.EnumerateCustomersOf(f.App, ["guide.li"], limit: 2))
        {
            items.Add(item);
            // Fail the second page with a fail-fast code after the first page is in.
            if (++pages == 2) f.State.Faults.Inject("externalcontact/batch/get_by_user", 48002);
        }
        Assert.Equal(3, items.Count);
        Assert.True(items[0].IsSuccess && items[1].IsSuccess);
        Assert.Equal(48002, items[2].Error!.ErrCode);
    }

    [Fact]
    public async Task Batch_limits_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        var tooMany = Enumerable.Range(0, 101).Select(i => $"u{i}").ToList();
        Assert.Equal(40058, (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(tooMany))).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li"], Limit: 101))).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li"], Cursor: "garbage!"))).Error!.ErrCode);
    }

    [Fact]
    public async Task Default_page_size_is_fifty()
    {
        await using var f = await WeComFixture.Start();
        AddCustomers(f, "guide.wang", 55);
        var page = (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.wang"]))).Value!;
        Assert.Equal(50, page.ExternalContactList.Count);
    }
}
