using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>The client's own per-corp, per-API budget holds calls back before WeCom would block the API.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Calls_over_the_budget_with_no_room_to_wait_fail_as_busy_without_reaching_wecom_and_other_apis_and_corps_go_on()
    {
        await using var f = await WeComFixture.Start();
        var other = f.State.AddCorp("wwother000000001", "other-secret");
        lock (f.State.Sync) other.AddStaff("guide.zhou", "Zhou Yu", 1);
        using var node = new ClientHost(f.Simulator, f.Time, services => services.Configure<WeComOptions>(o =>
        {
            o.CallsPerMinutePerApi = 3;
            o.RateLimitQueue = 0;
        }));

        for (var i = 0; i < 3; i++) Assert.True((await node.Client.GetFollowUserList(f.App)).IsSuccess);
        var held = await node.Client.GetFollowUserList(f.App);

        Assert.False(held.IsSuccess);
        Assert.Equal(WeComErrorKind.Retryable, held.Error!.Kind);
        Assert.Null(held.Error.ErrCode);
        Assert.Contains("externalcontact/get_follow_user_list", held.Error.Message);
        Assert.Equal(3, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
        Assert.True((await node.Client.ListDepartments(f.App)).IsSuccess);
        Assert.True((await node.Client.GetFollowUserList(new WeComApp("wwother000000001", "other-secret"))).IsSuccess);
    }
}
