using System.Net.Http.Json;
using Waterwheel.Acquisition;
using Waterwheel.Platform.Contracts;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Server.Demo;

/// <summary>
/// Brings the demo alive: every few seconds a simulated customer scans a store's 「联系我」 code; now and then one joins
/// their store's group, a guide tags a customer, or a customer deletes their guide; and now and then one near a store
/// opens a nearest-store code's landing page over HTTP, as their phone would, and scans the QR it shows. Each action
/// reaches the server as an encrypted WeCom callback.
/// </summary>
internal sealed class DemoCrowd(SimulatorState state, SimulatedCrowd crowd, IServiceScopeFactory scopes, IHttpClientFactory http, IConfiguration configuration,
    TimeProvider time, ILogger<DemoCrowd> log) : BackgroundService
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
        if (_random.Next(6) == 0 && await PhoneNearAStore(corp, ct)) return;
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

    /// <summary>
    /// A customer within a few kilometres of one of the brand's stores opens a nearest-store landing page, shares where
    /// they are, and scans what it shows: a guide's own 「联系我」 or a store group's 群活码. False when there is nothing to open.
    /// </summary>
    private async Task<bool> PhoneNearAStore(SimCorp corp, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        if (await directory.FindTenant(WeComDemo.DemoTenantCode, ct) is not { } tenant) return false;
        var pages = await AcquisitionModule.DemoLandingPaths(scope.ServiceProvider, tenant, ct);
        var stores = (await directory.Stores(tenant, ct)).Where(s => s is { Open: true, Latitude: { } lat, Longitude: { } lng } && (lat != 0 || lng != 0)).ToList();
        if (pages.Count == 0 || stores.Count == 0) return false;
        var near = stores[_random.Next(stores.Count)];
        // Up to about 3 km from the store in each direction.
        var (lat, lng) = (near.Latitude!.Value + (_random.NextDouble() - 0.5) * 0.05, near.Longitude!.Value + (_random.NextDouble() - 0.5) * 0.05);
        using var client = http.CreateClient();
        client.BaseAddress = new Uri(WeComDemo.LocalBase(configuration));
        var page = pages[_random.Next(pages.Count)];
        // The page is opened first (a view, counted as the funnel's scan), then asked where the phone is.
        using (var opened = await client.GetAsync(page, ct)) if (!opened.IsSuccessStatusCode) return false;
        using var response = await client.PostAsJsonAsync(page + "/route", new { latitude = lat, longitude = lng }, ct);
        if (!response.IsSuccessStatusCode) return false;
        var answer = await response.Content.ReadFromJsonAsync<PageAnswer>(ct);
        if (answer?.QrCodeUrl is not { } qr) return false;
        string? wayId = null, joinId = null, customer = null;
        lock (state.Sync)
        {
            if (answer.Group)
            {
                joinId = corp.JoinWays.Values.FirstOrDefault(w => w.QrCode == qr)?.ConfigId;
                customer = corp.Follows.Count > 0 ? corp.Follows[_random.Next(corp.Follows.Count)].ExternalUserid : null;
            }
            else wayId = corp.ContactWays.Values.FirstOrDefault(w => w.QrCode == qr)?.ConfigId;
        }
        if (wayId is not null) await crowd.ScanContactWay(WeComDemo.CorpId, wayId, ct);
        else if (joinId is not null && customer is not null) await crowd.ScanJoinWay(WeComDemo.CorpId, joinId, customer, ct);
        else return false;
        return true;
    }

    private sealed record PageAnswer(string? QrCodeUrl, bool Group);
}
