using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waterwheel.WeCom.Simulator.Api;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator;

public static class WeComSimulatorModule
{
    public const string CallbackClient = "Waterwheel.WeCom.Simulator.Callbacks";

    /// <summary>
    /// Registers the simulator's state, crowd and callback pusher. Returns the builder of the HttpClient that pushes
    /// callbacks, so a test can route it to an in-process receiver.
    /// </summary>
    public static IHttpClientBuilder AddWeComSimulator(this IServiceCollection services, Action<CrowdOptions>? crowd = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorState>();
        services.AddOptions<CrowdOptions>().Configure(o => crowd?.Invoke(o));
        services.TryAddSingleton<CallbackPusher>();
        services.TryAddSingleton<SimulatedCrowd>();
        // The pusher enforces WeCom's 5 s answer window itself, on the injected clock.
        return services.AddHttpClient(CallbackClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
    }

    /// <summary>The /cgi-bin/... endpoints, with WeCom's envelopes and errcodes.</summary>
    public static IEndpointRouteBuilder MapWeComSimulator(this IEndpointRouteBuilder routes)
    {
        TokenApi.Map(routes);
        StaffApi.Map(routes);
        CustomerApi.Map(routes);
        ContactWayApi.Map(routes);
        WelcomeApi.Map(routes);
        TagApi.Map(routes);
        GroupChatApi.Map(routes);
        MassMessageApi.Map(routes);
        TransferApi.Map(routes);
        JoinWayApi.Map(routes);
        ResignedTransferApi.Map(routes);
        GroupTransferApi.Map(routes);
        GroupWelcomeTemplateApi.Map(routes);
        MediaApi.Map(routes);
        MomentApi.Map(routes);
        return routes;
    }

    /// <summary>
    /// A standalone simulator (for demos or a second process): a web app with only the WeCom endpoints, seeded with
    /// one demo corp. Call RunAsync on the result.
    /// </summary>
    public static WebApplication BuildStandalone(string[] args, Action<SimulatorState>? seed = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddWeComSimulator();
        var app = builder.Build();
        app.MapWeComSimulator();
        var state = app.Services.GetRequiredService<SimulatorState>();
        (seed ?? DemoSeed.Apply)(state);
        return app;
    }
}
