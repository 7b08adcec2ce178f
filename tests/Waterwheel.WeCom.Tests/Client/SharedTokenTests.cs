using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Caching;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>
/// Two app nodes configured with the same Redis (the one ./test.sh starts) share one access token: the second node
/// never calls gettoken, and a token one node found revoked is replaced for both.
/// </summary>
public sealed class SharedTokenTests
{
    public const string RedisVariable = "WATERWHEEL_TEST_REDIS";

    [Fact]
    public async Task Nodes_sharing_redis_fetch_one_token_and_replace_a_revoked_one_once()
    {
        await using var f = await WeComFixture.Start();
        var prefix = $"test-{Guid.NewGuid():N}:";
        using var nodeA = Node(f, prefix);
        using var nodeB = Node(f, prefix);

        Assert.True((await nodeA.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.True((await nodeB.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(1, f.State.Tokens.GetTokenCalls);
        Assert.Equal((await nodeA.Client.GetAccessToken(f.App)).Value, (await nodeB.Client.GetAccessToken(f.App)).Value);

        f.State.Tokens.RevokeAll();
        Assert.True((await nodeB.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.True((await nodeA.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(2, f.State.Tokens.GetTokenCalls);
    }

    [Fact]
    public async Task Nodes_with_different_key_prefixes_do_not_see_each_others_tokens()
    {
        await using var f = await WeComFixture.Start();
        using var nodeA = Node(f, $"test-{Guid.NewGuid():N}:");
        using var nodeB = Node(f, $"test-{Guid.NewGuid():N}:");

        Assert.True((await nodeA.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.True((await nodeB.Client.GetFollowUserList(f.App)).IsSuccess);
        Assert.Equal(2, f.State.Tokens.GetTokenCalls);
    }

    /// <summary>A client node on the Redis that ./test.sh starts, under its own key prefix; <paramref name="also"/> adds settings.</summary>
    internal static ClientHost Node(WeComFixture f, string prefix, Action<IServiceCollection>? also = null)
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
            throw new InvalidOperationException($"{RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Waterwheel:Cache:KeyPrefix"] = prefix,
        }).Build();
        return new ClientHost(f.Simulator, f.Time, services =>
        {
            services.AddSharedCache(configuration);
            also?.Invoke(services);
        });
    }
}
