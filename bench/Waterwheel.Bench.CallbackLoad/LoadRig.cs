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
/// Several corps, each connected to its own tenant, share the load: one corp's WeCom budget is 150 calls/s per API.
/// </summary>
internal sealed class LoadRig : IAsyncDisposable
{
    private const string Secret = "bench-secret";
    private const string Token = "BenchT0ken";
    private const int Guides = 50;

    private readonly List<string> _corps = [];
    private SimulatorSide _simulator = null!;
    private ServerChild _server = null!;
    private HttpClient _http = null!;

    public static async Task<LoadRig> Start(string provider, string mode, int corps)
    {
        var rig = new LoadRig();
        rig._simulator = await SimulatorSide.Start();
        rig._server = await ServerChild.Start(provider, rig._simulator.Address, mode, corps);
        rig._http = new HttpClient { BaseAddress = new Uri(rig._server.Address) };
        for (var i = 0; i < corps; i++) await rig.Connect(i);
        return rig;
    }

    private static string CorpOf(int i) => $"wwbench{i + 1:D9}";

    // A key of its own per corp: 43 characters, as WeCom issues them.
    private static string AesKeyOf(int i) => $"Bq9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA{i:D2}";

    /// <summary>Signs in as the tenant's admin and connects the tenant to its corp, as an operator would on the settings page.</summary>
    private async Task Connect(int i)
    {
        using var admin = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _http.BaseAddress };
        (await admin.PostAsJsonAsync("/api/session", new { userName = ServerProcess.AdminOf(i), password = WaterwheelApp.AdminPassword })).EnsureSuccessStatusCode();
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var state = _simulator.State;
        var corp = state.AddCorp(CorpOf(i), Secret);
        lock (state.Sync)
        {
            for (var g = 0; g < Guides; g++) corp.AddStaff($"guide{g:D3}", $"导购{g}", 1);
            corp.Callback = new SimCallbackConfig(new Uri(new Uri(_server.Address), $"/wecom/callback/{tenant:N}"), Token, AesKeyOf(i));
        }
        (await admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpOf(i), secret = Secret, callbackToken = Token, encodingAesKey = AesKeyOf(i), welcomeText = "欢迎！" })).EnsureSuccessStatusCode();
        _corps.Add(CorpOf(i));
    }

    /// <summary>The i-th add of a run: corps in turn, so each gets rate / corps a second, and guides in turn within a corp.</summary>
    private Task<Waterwheel.WeCom.Simulator.Crowd.CrowdOutcome> Add(int i) =>
        _simulator.Crowd.AddStaff(_corps[i % _corps.Count], $"guide{i / _corps.Count % Guides:D3}");

    /// <summary>
    /// Adds at a gentle rate until the server's JIT compiler goes quiet: tiered compilation recompiles hot code (with
    /// profile-guided optimisation, twice) for minutes after a start, and that would be counted as the callback path's
    /// cost. Ten-second rounds until one of them spends under 2% of a core compiling, at most two minutes; the measured
    /// run then sees the steady state a long-running server is in, and reports what the JIT still took during it.
    /// </summary>
    public async Task<TimeSpan> WarmUp(bool waitForWelcomes)
    {
        var clock = Stopwatch.StartNew();
        var jit = await _server.JitTime();
        var offset = 0;
        while (true)
        {
            var added = new ConcurrentBag<string>();
            var start = offset;
            await Steady(100, 10, async i => added.Add((await Add(start + i)).ExternalUserid));
            offset += 1000;
            if (waitForWelcomes) await WaitForWelcomes([.. added], TimeSpan.FromSeconds(30));
            else await Task.Delay(TimeSpan.FromSeconds(2));
            var now = await _server.JitTime();
            var quiet = now - jit < TimeSpan.FromMilliseconds(200);
            jit = now;
            if (quiet || clock.Elapsed > TimeSpan.FromMinutes(2)) return clock.Elapsed;
        }
    }

    /// <summary>The server's JIT time so far, to tell how much of a phase's CPU was the compiler.</summary>
    public Task<TimeSpan> JitTime() => _server.JitTime();

    /// <summary>What the server burns with nothing to do: its polling and timers, per second.</summary>
    public async Task<TimeSpan> IdleCpuPerSecond(int seconds)
    {
        var before = _server.Cpu;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (_server.Cpu - before) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Bare HTTP round trips to /healthz at the same rate: what loopback HTTP between the two processes costs right now.</summary>
    public async Task<Phase> Healthz(int rate, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        return await Measured(rate, seconds, async _ =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await _http.GetAsync("/healthz");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }, latencies);
    }

    /// <summary>Adds whose callbacks the server verifies, decrypts and stores, but does not handle (its inbox processor is off).</summary>
    public async Task<Phase> StoreOnly(int rate, int seconds)
    {
        _simulator.Posts.Reset();
        var phase = await Measured(rate, seconds, async i => await Add(i), []);
        return phase with { LatencyMs = [.. _simulator.Posts.Ms] };
    }

    private async Task<Phase> Measured(int rate, int seconds, Func<int, Task> action, ConcurrentBag<double> latencies)
    {
        var cpu = _server.Cpu;
        var clock = Stopwatch.StartNew();
        var count = await Steady(rate, seconds, action);
        return new Phase(count, _server.Cpu - cpu, clock.Elapsed, [.. latencies]);
    }

    /// <summary>
    /// The full path. The server's CPU is counted until the last welcome reached WeCom (or the wait gave up), so work
    /// still queued when the adds stop is counted too; the caller takes the idle cost of that tail off.
    /// </summary>
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
            var outcome = await Add(i);
            // The whole push as WeCom would see it: sealing the event, every try, waiting for the answers.
            pushes.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            addedAt[outcome.ExternalUserid] = at;
            if (outcome.Delivery?.Delivered == true) Interlocked.Increment(ref answered);
        });
        var addsTook = started.Elapsed;
        var achieved = adds / addsTook.TotalSeconds;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;

        var welcomed = await WaitForWelcomes(addedAt.Keys, TimeSpan.FromSeconds(60));
        var cpu = new CpuUse(_server.Cpu - serverCpu, loadCpu, addsTook, started.Elapsed - addsTook);
        var welcomeMs = welcomed.Where(w => addedAt.ContainsKey(w.Key))
            .Select(w => Stopwatch.GetElapsedTime(addedAt[w.Key], w.Value).TotalMilliseconds).ToList();
        int duplicates;
        lock (_simulator.State.Sync)
            duplicates = _corps.Sum(c => _simulator.State.Corp(c).Delivered.GroupBy(d => d.ExternalUserid).Count(g => g.Count() > 1));
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
            await Task.Delay(100);
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

/// <summary>One measured stretch of steady requests: how many, the server CPU they cost, and their latencies.</summary>
internal sealed record Phase(int Count, TimeSpan ServerCpu, TimeSpan Wall, IReadOnlyList<double> LatencyMs)
{
    public double CpuMsEach => ServerCpu.TotalMilliseconds / Count;
}
