using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Server.Demo;

/// <summary>
/// Brings the demo alive: every few seconds a simulated customer scans a store's 「联系我」 code, and now and then one
/// deletes their guide. Each action reaches the server as an encrypted WeCom callback.
/// </summary>
internal sealed class DemoCrowd(SimulatorState state, SimulatedCrowd crowd, TimeProvider time, ILogger<DemoCrowd> log) : BackgroundService
{
    private readonly Random _random = new(2026);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Step(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Demo crowd step failed: {Error}", e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(2 + _random.NextDouble() * 4), time, stoppingToken);
        }
    }

    private async Task Step(CancellationToken ct)
    {
        if (!state.Corps.TryGetValue(WeComDemo.CorpId, out var corp)) return;
        string? wayId = null;
        (string User, string Customer)? leaving = null;
        lock (state.Sync)
        {
            if (_random.Next(10) == 0 && corp.Follows.Count > 5)
            {
                var follow = corp.Follows[_random.Next(corp.Follows.Count)];
                leaving = (follow.Userid, follow.ExternalUserid);
            }
            else if (corp.ContactWays.Count > 0)
                wayId = corp.ContactWays.Keys.ElementAt(_random.Next(corp.ContactWays.Count));
        }
        if (leaving is { } l) await crowd.CustomerDeletesStaff(WeComDemo.CorpId, l.User, l.Customer, ct);
        else if (wayId is not null) await crowd.ScanContactWay(WeComDemo.CorpId, wayId, ct);
    }
}
