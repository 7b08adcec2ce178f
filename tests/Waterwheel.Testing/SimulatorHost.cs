using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Testing;

/// <summary>The simulator in an in-process TestServer, on a fake clock; callbacks go wherever the test points them.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app) => _app = app;

    public TestServer Server => _app.GetTestServer();
    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();
    public SimulatedCrowd Crowd => _app.Services.GetRequiredService<SimulatedCrowd>();
    public CallbackPusher Pusher => _app.Services.GetRequiredService<CallbackPusher>();

    public static async Task<SimulatorHost> Start(FakeTimeProvider time, Func<HttpMessageHandler>? callbackHandler = null, Action<CrowdOptions>? crowd = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(time);
        var callbacks = builder.Services.AddWeComSimulator(crowd);
        if (callbackHandler is not null) callbacks.ConfigurePrimaryHttpMessageHandler(callbackHandler);
        var app = builder.Build();
        app.MapWeComSimulator();
        await app.StartAsync();
        return new SimulatorHost(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
