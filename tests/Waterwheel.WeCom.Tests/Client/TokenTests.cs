using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class TokenTests
{
    [Fact]
    public async Task Token_is_fetched_once_and_reused()
    {
        await using var f = await WeComFixture.Start();
        for (var i = 0; i < 3; i++) Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(1, f.State.Tokens.GetTokenCalls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh()
    {
        await using var f = await WeComFixture.Start();
        var calls = Enumerable.Range(0, 20).Select(_ => f.Client.GetFollowUserList(f.App));
        var results = await Task.WhenAll(calls);
        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(1, f.State.Tokens.GetTokenCalls);
    }

    [Fact]
    public async Task Token_expiring_mid_run_is_refreshed_before_it_dies()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        var first = (await f.Client.GetAccessToken(f.App)).Value;

        // 4 minutes before expiry: inside the 5-minute early-refresh window, so a new token is fetched.
        f.Time.Advance(TimeSpan.FromSeconds(7200 - 240));
        f.State.Tokens.RevokeAll(); // the server would hand out the old one while valid; force a new one to tell them apart
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(2, f.State.Tokens.GetTokenCalls);
        Assert.NotEqual(first, (await f.Client.GetAccessToken(f.App)).Value);
    }

    [Fact]
    public async Task Token_outside_the_refresh_window_is_kept()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        f.Time.Advance(TimeSpan.FromSeconds(7200 - 360));
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(1, f.State.Tokens.GetTokenCalls);
    }

    [Fact]
    public async Task Server_side_expiry_the_client_did_not_foresee_is_42001_then_refresh_and_retry()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        // The client still believes its token is good for two hours.
        f.State.Tokens.ExpireAll();
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(3, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
        Assert.Equal(2, f.State.Tokens.IssuedCount);
    }

    [Fact]
    public async Task Short_lived_tokens_are_refreshed_at_half_life()
    {
        await using var f = await WeComFixture.Start();
        f.State.Tokens.ExpiresIn = TimeSpan.FromSeconds(60);
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        f.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(1, f.State.Tokens.GetTokenCalls);
        f.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(2, f.State.Tokens.GetTokenCalls);
        Assert.Equal(3, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
    }

    [Fact]
    public async Task Revoked_token_gives_40014_and_is_refreshed_and_retried_once()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        f.State.Tokens.RevokeAll();
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.True(result.IsSuccess);
        Assert.Equal(3, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
        Assert.Equal(2, f.State.Tokens.IssuedCount);
    }

    [Fact]
    public async Task A_second_token_rejection_is_returned_not_retried_forever()
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject("externalcontact/get_follow_user_list", 40014, times: 5);
        var result = await f.Client.GetFollowUserList(f.App);
        Assert.Equal(WeComErrorKind.Token, result.Error!.Kind);
        Assert.Equal(2, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
    }

    [Theory]
    [InlineData("wwtest0000000001", "wrong-secret", 40001, "Secret")]
    [InlineData("wwnosuchcorp", "secret-customer-app", 40013, "企业ID")]
    public async Task Bad_credentials_fail_fast_naming_the_setting(string corpId, string secret, int errcode, string setting)
    {
        await using var f = await WeComFixture.Start();
        var result = await f.Client.GetFollowUserList(new WeComApp(corpId, secret));
        Assert.Equal((WeComErrorKind.Credentials, errcode), (result.Error!.Kind, result.Error.ErrCode));
        Assert.Contains(setting, result.Error.Message);
        Assert.Equal(1, f.State.Faults.Calls("gettoken"));
        Assert.Equal(0, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
    }

    [Fact]
    public void App_never_prints_its_secret()
    {
        Assert.DoesNotContain("s3cr3t", new WeComApp("ww1", "s3cr3t").ToString());
    }
}
