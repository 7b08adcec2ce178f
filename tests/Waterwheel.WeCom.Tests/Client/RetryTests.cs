using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Client.Transport;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class RetryTests
{
    private const string Api = "externalcontact/get_follow_user_list";

    [Fact]
    public async Task Throttled_45009_backs_off_exponentially_then_succeeds()
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject(Api, 45009, times: 2);
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.True(result.IsSuccess);
        Assert.Equal(3, f.State.Faults.Calls(Api));
        // Full jitter fixed at 0.5: half of 1 s, then half of 2 s.
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)], f.Clients.Waits);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(45033)]
    [InlineData(41063)]
    [InlineData(41096)]
    public async Task Busy_codes_give_up_after_three_attempts(int errcode)
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject(Api, errcode, times: 10);
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.Equal((WeComErrorKind.Retryable, errcode), (result.Error!.Kind, result.Error.ErrCode));
        Assert.Equal(3, f.State.Faults.Calls(Api));
        Assert.Equal(2, f.Clients.Waits.Count);
    }

    [Fact]
    public async Task Untrusted_ip_60020_fails_fast_and_says_where_to_fix_it()
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject(Api, 60020);
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.Equal(WeComErrorKind.Permission, result.Error!.Kind);
        Assert.Contains("企业可信IP", result.Error.Message);
        Assert.Contains("60020", result.Error.Message);
        Assert.Equal(1, f.State.Faults.Calls(Api));
        Assert.Empty(f.Clients.Waits);
    }

    [Theory]
    [InlineData(48002, WeComErrorKind.Permission, "可调用接口的应用")]
    [InlineData(84061, WeComErrorKind.Data, "not (or no longer) contacts")]
    [InlineData(40091, WeComErrorKind.Credentials, "Secret")]
    public async Task Fail_fast_codes_map_to_typed_errors(int errcode, WeComErrorKind kind, string hint)
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject(Api, errcode);
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.Equal((kind, errcode), (result.Error!.Kind, result.Error.ErrCode));
        Assert.Contains(hint, result.Error.Message);
        Assert.Equal(1, f.State.Faults.Calls(Api));
    }

    [Fact]
    public async Task Gettoken_itself_is_retried_when_busy()
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject("gettoken", -1);
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(2, f.State.Faults.Calls("gettoken"));
    }

    [Fact]
    public void Back_off_ceiling_doubles_and_stops_at_sixty_seconds()
    {
        var policy = new WeComRetryPolicy(Options.Create(new WeComOptions()), new FakeTimeProvider()) { Jitter = () => 1.0 };
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(a => policy.DelayAfter(a).TotalSeconds));
    }

    [Fact]
    public void Full_jitter_can_reach_zero()
    {
        var policy = new WeComRetryPolicy(Options.Create(new WeComOptions()), new FakeTimeProvider()) { Jitter = () => 0.0 };
        Assert.Equal(TimeSpan.Zero, policy.DelayAfter(3));
    }

    [Fact]
    public async Task Default_wait_uses_the_injected_clock_not_the_wall_clock()
    {
        var time = new FakeTimeProvider();
        var policy = new WeComRetryPolicy(Options.Create(new WeComOptions()), time) { Jitter = () => 1.0 };
        var pause = policy.Pause(2, CancellationToken.None);
        Assert.False(pause.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await pause;
    }
}
