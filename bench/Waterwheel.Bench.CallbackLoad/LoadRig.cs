using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.Testing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Bench.CallbackLoad;

/// <summary>
/// Two processes on the same machine: this one runs the simulated WeCom, its crowd and the load generator; the child
/// runs the server. Latencies are taken here, CPU of both is read from the OS, so the server's figures are the server's.
/// </summary>
internal sealed class LoadRig : IAsyncDisposable
{
    private const string CorpId = "wwbench000000001";
    private const string Secret = "bench-secret";
    private const string Token = "BenchT0ken";
    private const string AesKey = "Bq9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6c";
    private const int Guides = 50;

    private SimulatorSide _simulator = null!;
    private ServerChild _server = null!;
    private HttpClient _http = null!;

    public static async Task<LoadRig> Start(string provider)
    {
        var rig = new LoadRig();
        rig._simulator = await SimulatorSide.Start();
        rig._server = await ServerChild.Start(provider, rig._simulator.Address);
        rig._http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(rig._server.Address) };
        await rig.Connect();
        return rig;
    }

    private async Task Connect()
    {
        (await _http.PostAsJsonAsync("/api/session", new { userName = WaterwheelApp.AdminUser, password = WaterwheelApp.AdminPassword })).EnsureSuccessStatusCode();
        var tenant = (await _http.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var state = _simulator.State;
        var corp = state.AddCorp(CorpId, Secret);
        lock (state.Sync)
        {
            for (var i = 0; i < Guides; i++) corp.AddStaff($"guide{i:D3}", $"导购{i}", 1);
            corp.Callback = new SimCallbackConfig(new Uri(new Uri(_server.Address), $"/wecom/callback/{tenant:N}"), Token, AesKey);
        }
        (await _http.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = "欢迎！" })).EnsureSuccessStatusCode();
    }

    /// <summary>Bare HTTP round trips to /healthz at the same rate: what loopback HTTP between the two processes costs right now.</summary>
    public async Task<IReadOnlyList<double>> Baseline(int rate, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        await Steady(rate, seconds, async _ =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await _http.GetAsync("/healthz");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        return [.. latencies];
    }

    /// <summary>
    /// A few seconds of adds at a gentle rate, waited out: the server JIT-compiles its callback and handling paths and
    /// fills its pools here, so the measured run sees the steady state a long-running server is in.
    /// </summary>
    public async Task WarmUp()
    {
        var added = new ConcurrentBag<string>();
        await Steady(50, 5, async i => added.Add((await _simulator.Crowd.AddStaff(CorpId, $"guide{i % Guides:D3}")).ExternalUserid));
        await WaitForWelcomes([.. added], TimeSpan.FromSeconds(30));
    }

    public async Task<RunResult> Run(int rate, int seconds)
    {
        var pushes = new ConcurrentBag<double>();
        var addedAt = new ConcurrentDictionary<string, long>();
        var answered = 0;
        _simulator.Posts.Reset();
        var (serverCpu, ownCpu, log) = (_server.Cpu, Process.GetCurrentProcess().TotalProcessorTime, _server.LogLines);
        var started = Stopwatch.StartNew();
        var adds = await Steady(rate, seconds, async i =>
        {
            var at = Stopwatch.GetTimestamp();
            var outcome = await _simulator.Crowd.AddStaff(CorpId, $"guide{i % Guides:D3}");
            // The whole push as WeCom would see it: sealing the event, every try, waiting for the answers.
            pushes.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            addedAt[outcome.ExternalUserid] = at;
            if (outcome.Delivery?.Delivered == true) Interlocked.Increment(ref answered);
        });
        var achieved = adds / started.Elapsed.TotalSeconds;
        var cpu = new CpuUse(_server.Cpu - serverCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu, started.Elapsed);

        var welcomed = await WaitForWelcomes(addedAt.Keys, TimeSpan.FromSeconds(60));
        var welcomeMs = welcomed.Where(w => addedAt.ContainsKey(w.Key))
            .Select(w => Stopwatch.GetElapsedTime(addedAt[w.Key], w.Value).TotalMilliseconds).ToList();
        int duplicates;
        lock (_simulator.State.Sync) duplicates = _simulator.State.Corp(CorpId).Delivered.GroupBy(d => d.ExternalUserid).Count(g => g.Count() > 1);
        return new RunResult(adds, answered, [.. _simulator.Posts.Ms], [.. pushes], welcomeMs, addedAt.Keys.Count(k => !welcomed.ContainsKey(k)),
            duplicates, achieved, cpu, _server.LogLines - log, _server.LogFile);
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

    private async Task<Dictionary<string, long>> WaitForWelcomes(ICollection<string> customers, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        var sent = _simulator.Welcomes.Snapshot(_simulator.State);
        while (deadline.Elapsed < grace && !customers.All(sent.ContainsKey))
        {
            await Task.Delay(200);
            sent = _simulator.Welcomes.Snapshot(_simulator.State);
        }
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }
}
