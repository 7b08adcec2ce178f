using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Cluster;

/// <summary>
/// The WeCom simulator on a real loopback port, as WeCom is to a deployed cluster: nodes call its API over TCP, and it
/// pushes callbacks through a round-robin "load balancer" to whichever node's turn it is.
/// </summary>
internal sealed class KestrelSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelSimulator(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }
    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();
    public SimulatedCrowd Crowd => _app.Services.GetRequiredService<SimulatedCrowd>();

    public static async Task<KestrelSimulator> Start(RoundRobin balancer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWeComSimulator().ConfigurePrimaryHttpMessageHandler(() => balancer);
        var app = builder.Build();
        app.MapWeComSimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelSimulator(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Sends each callback to the next node in turn, whatever host the callback URL names, as nginx's round robin would.</summary>
internal sealed class RoundRobin() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _next;

    public List<Uri> Nodes { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Uri node;
        lock (Nodes) node = Nodes[(_next++ & int.MaxValue) % Nodes.Count];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = node.Host, Port = node.Port }.Uri;
        return base.SendAsync(request, ct);
    }
}
