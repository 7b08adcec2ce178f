using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Server.Demo;

/// <summary>
/// Brings the demo alive: every few seconds a simulated customer scans a store's 「联系我」 code; now and then one joins
/// their store's group, a guide tags a customer, or a customer deletes their guide. Each action reaches the server as
/// an encrypted WeCom callback.
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
        string? wayId = null, tagId = null;
        (string User, string Customer)? leaving = null, tagged = null;
        (string ChatId, string Customer)? joining = null;
        lock (state.Sync)
        {
            var roll = _random.Next(20);
            var follow = corp.Follows.Count > 5 ? corp.Follows[_random.Next(corp.Follows.Count)] : null;
            var tags = corp.TagGroups.SelectMany(g => g.Tags).ToList();
            var group = follow is null ? null : corp.Groups.Values.FirstOrDefault(g => g.Owner == follow.Userid);
            if (roll < 2 && follow is not null) leaving = (follow.Userid, follow.ExternalUserid);
            else if (roll < 5 && follow is not null && tags.Count > 0) (tagged, tagId) = ((follow.Userid, follow.ExternalUserid), tags[_random.Next(tags.Count)].Id);
            else if (roll < 8 && group is not null && group.Members.All(m => m.Userid != follow!.ExternalUserid)) joining = (group.ChatId, follow!.ExternalUserid);
            else if (corp.ContactWays.Count > 0)
            {
                // Half the scans go to the channel live codes (their state starts "lc"), so their arrivals show soon.
                var live = corp.ContactWays.Values.Where(w => w.State.StartsWith("lc", StringComparison.Ordinal)).Select(w => w.ConfigId).ToList();
                var pool = live.Count > 0 && _random.Next(2) == 0 ? live : corp.ContactWays.Keys.ToList();
                wayId = pool[_random.Next(pool.Count)];
            }
        }
        if (leaving is { } l) await crowd.CustomerDeletesStaff(WeComDemo.CorpId, l.User, l.Customer, ct);
        else if (tagged is { } t) await crowd.StaffEditsTags(WeComDemo.CorpId, t.User, t.Customer, [tagId!], [], ct);
        else if (joining is { } j) await crowd.CustomerJoinsGroup(WeComDemo.CorpId, j.ChatId, j.Customer, ct);
        else if (wayId is not null) await crowd.ScanContactWay(WeComDemo.CorpId, wayId, ct);
    }
}
