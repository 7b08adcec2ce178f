using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Bench.CallbackLoad;

/// <summary>
/// The parent process's WeCom: the simulator as its own HTTP server on Kestrel (as <see cref="WeComSimulatorModule.BuildStandalone"/>
/// runs it), its crowd, and two stopwatches: one around every callback POST to the server, one that notes when each
/// welcome message reaches WeCom.
/// </summary>
internal sealed class SimulatorSide : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorSide(WebApplication app) => _app = app;

    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();
    public SimulatedCrowd Crowd => _app.Services.GetRequiredService<SimulatedCrowd>();
    public PostTimes Posts => _app.Services.GetRequiredService<PostTimes>();
    public WelcomeClock Welcomes => _app.Services.GetRequiredService<WelcomeClock>();
    public string Address { get; private set; } = "";

    public static async Task<SimulatorSide> Start()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<PostTimes>();
        builder.Services.AddSingleton<WelcomeClock>();
        builder.Services.AddTransient<TimedPost>();
        builder.Services.AddWeComSimulator().AddHttpMessageHandler<TimedPost>();
        var app = builder.Build();
        app.MapWeComSimulator();
        app.Use(async (context, next) =>
        {
            var t0 = Stopwatch.GetTimestamp();
            await next(context);
            ApiTimes.Add(context.Request.Path.Value ?? "", Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (context.Request.Path.Value?.EndsWith("/send_welcome_msg", StringComparison.Ordinal) == true)
                context.RequestServices.GetRequiredService<WelcomeClock>().Note(context.RequestServices.GetRequiredService<SimulatorState>());
        });
        await app.StartAsync();
        var side = new SimulatorSide(app);
        side.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return side;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Round trip of each callback POST to the server: the part of an answer the server is responsible for.</summary>
internal sealed class PostTimes
{
    public ConcurrentBag<double> Ms { get; private set; } = [];

    public void Reset() => Ms = [];
}

internal sealed class TimedPost(PostTimes times) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, ct);
        }
        finally
        {
            times.Ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>When each welcome message arrived at WeCom, on this process's clock: noted right after every send_welcome_msg.</summary>
internal sealed class WelcomeClock
{
    private readonly Dictionary<string, long> _at = [];
    private readonly Dictionary<string, int> _seen = [];

    public void Note(SimulatorState state)
    {
        var now = Stopwatch.GetTimestamp();
        lock (state.Sync)
        {
            foreach (var corp in state.Corps.Values)
            {
                var seen = _seen.GetValueOrDefault(corp.CorpId);
                for (; seen < corp.Delivered.Count; seen++) _at.TryAdd(corp.Delivered[seen].ExternalUserid, now);
                _seen[corp.CorpId] = seen;
            }
        }
    }

    public Dictionary<string, long> Snapshot(SimulatorState state)
    {
        lock (state.Sync) return new Dictionary<string, long>(_at);
    }
}

/// <summary>Time the simulated WeCom itself spent on each API: what of the server's WeCom calls is not the server's doing.</summary>
internal static class ApiTimes
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<double>> All = new();

    public static void Add(string path, double ms) => All.GetOrAdd(path, _ => []).Add(ms);

    public static void Print()
    {
        foreach (var (path, bag) in All.Where(a => a.Value.Count > 1).OrderBy(a => a.Key, StringComparer.Ordinal))
            System.Console.WriteLine($"simulator {path,-45} n {bag.Count,6}   p50 {Percentiles.Of([.. bag], 50),6:F2} ms   p99 {Percentiles.Of([.. bag], 99),6:F2} ms");
        All.Clear();
    }
}
