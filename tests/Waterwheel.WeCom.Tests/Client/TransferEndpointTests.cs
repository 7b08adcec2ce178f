using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class TransferEndpointTests
{
    private static TransferCustomerRequest LiToWang(params string[] customers) => new("guide.li", "guide.wang", customers, "王芳 will look after you from now on");

    [Fact]
    public async Task Transfer_waits_a_day_then_moves_the_customer()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        var started = (await f.Client.TransferCustomer(f.App, LiToWang(customer, "wmnotmine"))).Value!.Customer;
        Assert.Equal([(customer, 0), ("wmnotmine", 84061)], started.Select(c => (c.ExternalUserid, c.Errcode)));
        Assert.Equal(2, Assert.Single((await f.Client.TransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer).Status);

        f.Time.Advance(TimeSpan.FromHours(24));
        var done = Assert.Single((await f.Client.TransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer);
        Assert.Equal((1, f.Time.GetUtcNow().ToUnixTimeSeconds()), (done.Status, done.TakeoverTime));
        var follower = Assert.Single((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser);
        Assert.Equal(("guide.wang", AddWays.Assigned), (follower.Userid, follower.AddWay));
    }

    [Fact]
    public async Task A_customer_is_transferred_at_most_twice_in_ninety_days()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        Assert.Equal(0, (await f.Client.TransferCustomer(f.App, LiToWang(customer))).Value!.Customer[0].Errcode);
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await f.Client.TransferCustomer(f.App, new("guide.wang", "guide.li", [customer]))).Value!.Customer[0].Errcode);
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(40128, (await f.Client.TransferCustomer(f.App, LiToWang(customer))).Value!.Customer[0].Errcode);
        f.Time.Advance(TimeSpan.FromDays(89));
        Assert.Equal(0, (await f.Client.TransferCustomer(f.App, LiToWang(customer))).Value!.Customer[0].Errcode);
    }

    [Fact]
    public async Task Transfer_limits_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        var many = Enumerable.Range(0, 101).Select(i => $"wm{i}").ToArray();
        Assert.Equal(40058, (await f.Client.TransferCustomer(f.App, LiToWang(many))).Error!.ErrCode);
        Assert.Equal(60111, (await f.Client.TransferCustomer(f.App, new("guide.li", "nobody", ["wm1"]))).Error!.ErrCode);
    }

    [Fact]
    public async Task Refusal_marks_status_3_and_pushes_transfer_fail()
    {
        var receiver = await CallbackReceiver.Start(WeComFixture.CorpId);
        await using var _ = receiver;
        await using var f = await WeComFixture.Start(() => receiver.Server.CreateHandler());
        lock (f.State.Sync) f.Corp.Callback = receiver.Config;
        var customer = f.Corp.Follows[0].ExternalUserid;
        await f.Client.TransferCustomer(f.App, LiToWang(customer));

        await f.Simulator.Crowd.CustomerRefusesTransfer(WeComFixture.CorpId, "guide.li", "guide.wang", customer);

        var failed = Assert.IsType<TransferFailed>(WeComEventParser.Parse(Assert.Single(receiver.Received).Plain.Value).Value);
        Assert.Equal(("guide.wang", customer, TransferFailed.CustomerRefused), (failed.UserId, failed.ExternalUserId, failed.FailReason));
        f.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(3, Assert.Single((await f.Client.TransferResult(f.App, "guide.li", "guide.wang")).Value!.Customer).Status);
        Assert.Equal("guide.li", Assert.Single((await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser).Userid);
    }
}
