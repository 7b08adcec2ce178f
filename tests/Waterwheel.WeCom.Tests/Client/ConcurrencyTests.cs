using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class ConcurrencyTests
{
    private const string Api = "externalcontact/batch/get_by_user";

    private static async Task<WeComResult<BatchGetByUserResponse>[]> Burst(WeComFixture f, int calls, int waitForInFlight = 0)
    {
        var all = Task.WhenAll(Enumerable.Range(0, calls).Select(_ => f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li"]))));
        // Optionally hold the clock until that many calls are inside the simulator, so the overlap is certain.
        while (f.State.Faults.MaxInFlight(Api) < waitForInFlight) await Task.Delay(1);
        // Each call sleeps on the simulated clock; step it until every call has its answer.
        while (!all.IsCompleted)
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }
        return await all;
    }

    [Fact]
    public async Task Heavy_apis_stay_under_the_45033_cap()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetAccessToken(f.App)).IsSuccess);
        f.State.Faults.SetLatency(Api, TimeSpan.FromSeconds(2));
        f.State.Faults.SetConcurrencyCap(Api, 4);

        var results = await Burst(f, 12);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.ToString()));
        Assert.InRange(f.State.Faults.MaxInFlight(Api), 1, 4);
        Assert.Equal(12, f.State.Faults.Calls(Api));
    }

    [Fact]
    public async Task The_simulator_answers_45033_above_its_cap()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetAccessToken(f.App)).IsSuccess);
        f.State.Faults.SetLatency(Api, TimeSpan.FromSeconds(2));
        f.State.Faults.SetConcurrencyCap(Api, 1);

        var results = await Burst(f, 4, waitForInFlight: 4);

        // The client lets 4 through at once; the simulator refuses the three over its cap, and the client retries them.
        Assert.Equal(4, f.State.Faults.MaxInFlight(Api));
        Assert.True(f.State.Faults.Calls(Api) > 4);
        Assert.All(results, r => Assert.True(r.IsSuccess || r.Error!.ErrCode == 45033));
    }
}
