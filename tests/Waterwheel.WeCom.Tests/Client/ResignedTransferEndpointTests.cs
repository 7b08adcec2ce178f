using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class ResignedTransferEndpointTests
{
    private static void Resign(WeComFixture f, string userid, DateTimeOffset at)
    {
        lock (f.State.Sync) f.Corp.Resign(userid, at);
    }

    private static async Task<List<UnassignedCustomer>> AllUnassigned(WeComFixture f, int pageSize = 1000)
    {
        var all = new List<UnassignedCustomer>();
        string? cursor = null;
        while (true)
        {
            var page = (await f.Client.GetUnassignedList(f.App, cursor, pageSize)).Value!;
            all.AddRange(page.Info);
            if (page.IsLast) return all;
            cursor = page.NextCursor;
        }
    }

    [Fact]
    public async Task Customers_of_a_member_who_left_are_listed_page_by_page()
    {
        await using var f = await WeComFixture.Start();
        var nobody = (await f.Client.GetUnassignedList(f.App)).Value!;
        Assert.Equal((0, true), (nobody.Info.Count, nobody.IsLast));

        Resign(f, "guide.li", f.Time.GetUtcNow());
        var first = (await f.Client.GetUnassignedList(f.App, pageSize: 2)).Value!;
        Assert.Equal((2, false), (first.Info.Count, first.IsLast));
        var second = (await f.Client.GetUnassignedList(f.App, first.NextCursor, 2)).Value!;
        Assert.Equal((1, true, ""), (second.Info.Count, second.IsLast, second.NextCursor));

        var listed = first.Info.Concat(second.Info).ToList();
        Assert.Equal(f.Corp.Follows.Select(c => c.ExternalUserid).Order(), listed.Select(c => c.ExternalUserid).Order());
        Assert.All(listed, c => Assert.Equal(("guide.li", f.Time.GetUtcNow().ToUnixTimeSeconds()), (c.HandoverUserid, c.DimissionTime)));
        Assert.Equal(40058, (await f.Client.GetUnassignedList(f.App, pageSize: 1001)).Error!.ErrCode);
        Assert.DoesNotContain("guide.li", (await f.Client.GetFollowUserList(f.App)).Value!.FollowUser);
    }

    [Fact]
    public async Task Resigned_transfer_waits_a_day_then_moves_the_customer_once()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        Resign(f, "guide.li", f.Time.GetUtcNow());

        var request = new ResignedTransferRequest("guide.li", "guide.wang", [customer, "wmnotmine"]);
        var started = (await f.Client.TransferResignedCustomer(f.App, request)).Value!.Customer;
        Assert.Equal([(customer, 0), ("wmnotmine", 84061)], started.Select(c => (c.ExternalUserid, c.Errcode)));
        // A repeated call (a retry after a lost answer) starts nothing new.
        Assert.Equal(40129, (await f.Client.TransferResignedCustomer(f.App, request)).Value!.Customer[0].Errcode);
        Assert.Equal(2, Assert.Single((await f.Client.ResignedTransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer).Status);
        Assert.Empty((await f.Client.TransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer);
        Assert.DoesNotContain(customer, (await AllUnassigned(f)).Select(c => c.ExternalUserid));

        f.Time.Advance(TimeSpan.FromHours(24));
        var done = Assert.Single((await f.Client.ResignedTransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer);
        Assert.Equal((1, f.Time.GetUtcNow().ToUnixTimeSeconds()), (done.Status, done.TakeoverTime));
        var follower = Assert.Single((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser);
        Assert.Equal(("guide.wang", AddWays.Assigned), (follower.Userid, follower.AddWay));
        Assert.Equal(2, (await AllUnassigned(f, pageSize: 1)).Count);
    }

    [Fact]
    public async Task A_refused_customer_is_unassigned_again()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        Resign(f, "guide.li", f.Time.GetUtcNow());
        await f.Client.TransferResignedCustomer(f.App, new("guide.li", "guide.wang", [customer]));

        await f.Simulator.Crowd.CustomerRefusesTransfer(WeComFixture.CorpId, "guide.li", "guide.wang", customer);

        Assert.Equal(3, Assert.Single((await f.Client.ResignedTransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer).Status);
        Assert.Contains(customer, (await AllUnassigned(f)).Select(c => c.ExternalUserid));
    }

    [Fact]
    public async Task Only_members_who_left_within_a_year_qualify()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;

        var employed = (await f.Client.TransferResignedCustomer(f.App, new("guide.li", "guide.wang", [customer]))).Error!;
        Assert.Equal((40097, WeComErrorKind.Data), (employed.ErrCode, employed.Kind));
        Assert.Contains("on-job", employed.Message);

        Resign(f, "guide.li", f.Time.GetUtcNow());
        f.Time.Advance(TimeSpan.FromDays(366));
        Assert.Equal(40097, (await f.Client.TransferResignedCustomer(f.App, new("guide.li", "guide.wang", [customer]))).Error!.ErrCode);
        Assert.Empty(await AllUnassigned(f));
        Assert.Empty(f.Corp.Transfers);
    }

    [Fact]
    public async Task Members_and_list_sizes_are_checked()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        Resign(f, "guide.li", f.Time.GetUtcNow());
        lock (f.State.Sync) f.Corp.AddStaff("guide.sun", "Sun Yu", 3);
        Resign(f, "guide.sun", f.Time.GetUtcNow());

        var many = Enumerable.Range(0, 101).Select(i => $"wm{i}").ToArray();
        Assert.Equal(40058, (await f.Client.TransferResignedCustomer(f.App, new("guide.li", "guide.wang", many))).Error!.ErrCode);
        Assert.Equal(60111, (await f.Client.TransferResignedCustomer(f.App, new("guide.li", "guide.sun", [customer]))).Error!.ErrCode);
        Assert.Equal(60111, (await f.Client.TransferResignedCustomer(f.App, new("nobody", "guide.wang", [customer]))).Error!.ErrCode);
        // A member who left is out of the address book for on-job transfers.
        Assert.Equal(60111, (await f.Client.TransferCustomer(f.App, new("guide.li", "guide.wang", [customer]))).Error!.ErrCode);
        Assert.Empty(f.Corp.Transfers);
    }
}
