using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Data;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Bench.CallbackLoad;

/// <summary>
/// The server on Kestrel (real loopback sockets) with its WeCom client routed to an in-process simulator; the
/// simulator's crowd pushes callbacks to the server's real URL.
/// </summary>
internal sealed class LoadRig : IAsyncDisposable
{
    private const string CorpId = "wwbench000000001";
    private const string Secret = "bench-secret";
    private const string Token = "BenchT0ken";
    private const string AesKey = "Bq9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6c";
    private const int Guides = 50;

    private WebApplication _simulator = null!;
    private WaterwheelApp _app = null!;
    private HttpClient _http = null!;
    private Guid _tenant;

    private SimulatorState State => _simulator.Services.GetRequiredService<SimulatorState>();
    private SimulatedCrowd Crowd => _simulator.Services.GetRequiredService<SimulatedCrowd>();

    public static async Task<LoadRig> Start(string provider)
    {
        var rig = new LoadRig();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddWeComSimulator().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        rig._simulator = builder.Build();
        rig._simulator.MapWeComSimulator();
        await rig._simulator.StartAsync();

        rig._app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?> { ["Waterwheel:WeCom:BaseAddress"] = "http://localhost/" },
            services => services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => rig._simulator.GetTestServer().CreateHandler())));
        rig._app.UseKestrel(0);
        rig._app.StartServer();
        var address = rig._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        rig._app.ClientOptions.BaseAddress = new Uri(address);
        rig._http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };
        await rig.Connect(address);
        return rig;
    }

    private async Task Connect(string address)
    {
        using var admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        _tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var corp = State.AddCorp(CorpId, Secret);
        lock (State.Sync)
        {
            for (var i = 0; i < Guides; i++) corp.AddStaff($"guide{i:D3}", $"导购{i}", 1);
            corp.Callback = new SimCallbackConfig(new Uri(new Uri(address), $"/wecom/callback/{_tenant:N}"), Token, AesKey);
        }
        (await admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = "欢迎！" })).EnsureSuccessStatusCode();
    }

    /// <summary>Bare HTTP round trips to /healthz at the same rate: what loopback HTTP costs on this machine right now.</summary>
    public async Task<IReadOnlyList<double>> Baseline(int rate, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        await Steady(rate, seconds, async _ =>
        {
            var watch = Stopwatch.StartNew();
            using var response = await _http.GetAsync("/healthz");
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        });
        return [.. latencies];
    }

    public async Task<RunResult> Run(int rate, int seconds)
    {
        var answers = new ConcurrentBag<double>();
        var addedAt = new ConcurrentDictionary<string, DateTime>();
        var answered = 0;
        var started = Stopwatch.StartNew();
        var adds = await Steady(rate, seconds, async i =>
        {
            var at = TimeProvider.System.GetUtcNow().UtcDateTime;
            var watch = Stopwatch.StartNew();
            var outcome = await Crowd.AddStaff(CorpId, $"guide{i % Guides:D3}");
            // The push's round trip: how long the server took to verify, decrypt, store and answer.
            answers.Add(watch.Elapsed.TotalMilliseconds);
            addedAt[outcome.ExternalUserid] = at;
            if (outcome.Delivery?.Delivered == true) Interlocked.Increment(ref answered);
        });
        var achieved = adds / started.Elapsed.TotalSeconds;

        var welcomed = await WaitForWelcomes(addedAt.Keys.ToHashSet(), TimeSpan.FromSeconds(60));
        var welcomeMs = welcomed.Where(w => addedAt.ContainsKey(w.Key)).Select(w => (w.Value - addedAt[w.Key]).TotalMilliseconds).ToList();
        int duplicates;
        lock (State.Sync) duplicates = State.Corp(CorpId).Delivered.GroupBy(d => d.ExternalUserid).Count(g => g.Count() > 1);
        return new RunResult(adds, answered, [.. answers], welcomeMs, addedAt.Count - welcomed.Count, duplicates, achieved);
    }

    /// <summary>Starts one action every 1/rate seconds, without waiting for the previous ones: a steady arrival rate.</summary>
    private static async Task<int> Steady(int rate, int seconds, Func<int, Task> action)
    {
        var total = rate * seconds;
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var n = i;
            running.Add(Task.Run(() => action(n)));
        }
        await Task.WhenAll(running);
        return total;
    }

    private async Task<Dictionary<string, DateTime>> WaitForWelcomes(HashSet<string> customers, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        Dictionary<string, DateTime> sent = [];
        while (deadline.Elapsed < grace)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(_tenant);
            sent = await scope.ServiceProvider.GetRequiredService<WeComDbContext>().Relations.AsNoTracking()
                .Where(r => r.WelcomeSentAt != null).ToDictionaryAsync(r => r.ExternalUserId, r => r.WelcomeSentAt!.Value);
            if (customers.All(sent.ContainsKey)) break;
            await Task.Delay(500);
        }
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }
}
