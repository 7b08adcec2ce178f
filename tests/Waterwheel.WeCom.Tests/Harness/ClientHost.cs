using Waterwheel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Client.Transport;

namespace Waterwheel.WeCom.Tests.Harness;

/// <summary>
/// The real client wiring (IHttpClientFactory, distributed cache, token cache) pointed at a TestServer. Back-off
/// waits are recorded instead of slept, with the jitter fixed at one half so the schedule is predictable.
/// </summary>
internal sealed class ClientHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ClientHost(SimulatorHost simulator, FakeTimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(sp => new WeComRetryPolicy(sp.GetRequiredService<IOptions<WeComOptions>>(), time)
        {
            Jitter = () => 0.5,
            Wait = (delay, _) => { lock (Waits) Waits.Add(delay); return Task.CompletedTask; },
        });
        services.AddWeComClient().ConfigurePrimaryHttpMessageHandler(() => simulator.Server.CreateHandler());
        services.Configure<WeComOptions>(o => o.BaseAddress = simulator.Server.BaseAddress);
        _services = services.BuildServiceProvider();
    }

    public List<TimeSpan> Waits { get; } = [];

    public IWeComClient Client => _services.GetRequiredService<IWeComClient>();

    public void Dispose() => _services.Dispose();
}
