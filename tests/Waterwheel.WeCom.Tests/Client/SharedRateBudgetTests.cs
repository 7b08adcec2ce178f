using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>Nodes sharing a Redis share one budget per corp and API: together they stay under it.</summary>
public sealed class SharedRateBudgetTests
{
    [Fact]
    public async Task Three_nodes_together_make_no_more_calls_than_one_budget()
    {
        await using var f = await WeComFixture.Start();
        var prefix = $"test-{Guid.NewGuid():N}:";
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(f, prefix)).ToList();
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => nodes[i % 3].Client.GetFollowUserList(f.App)));

            Assert.Equal(7, results.Count(r => r.IsSuccess));
            Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(WeComErrorKind.Retryable, r.Error!.Kind));
            Assert.Equal(7, f.State.Faults.Calls("externalcontact/get_follow_user_list"));
            // Another API has a budget of its own.
            Assert.True((await nodes[0].Client.ListDepartments(f.App)).IsSuccess);
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    private static ClientHost Node(WeComFixture f, string prefix) => SharedTokenTests.Node(f, prefix, services => services.Configure<WeComOptions>(o =>
    {
        o.CallsPerMinutePerApi = 7;
        o.RateLimitQueue = 0;   // no waiting: a call over the budget fails as busy at once
    }));
}
