using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// Maps one /cgi-bin API with WeCom's gate in front of it: injected latency, injected errcodes, access_token
/// checks, then the handler under the state lock. Errors always come back as HTTP 200 with an errcode.
/// </summary>
internal static class SimEndpoint
{
    public delegate IResult Handler(SimCorp corp, SimRequest request);

    public static void Post(this IEndpointRouteBuilder routes, string api, Handler handler) => Map(routes, api, true, handler);

    public static void Get(this IEndpointRouteBuilder routes, string api, Handler handler) => Map(routes, api, false, handler);

    private static void Map(IEndpointRouteBuilder routes, string api, bool post, Handler handler)
    {
        async Task<IResult> Run(HttpContext http, SimulatorState state)
        {
            using var slot = state.Faults.Enter(api);
            if (await Gate(api, state, http) is { } refused) return refused;
            if (slot.OverCap) return SimJson.Error(45033);
            var (corpId, errcode) = state.Tokens.Validate(http.Request.Query["access_token"]);
            if (corpId is null) return SimJson.Error(errcode);
            var body = default(JsonElement);
            if (post)
            {
                try { body = (await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement; }
                catch (JsonException) { return SimJson.Error(SimErrors.BadJson); }
            }
            var now = state.Time.GetUtcNow();
            lock (state.Sync)
            {
                var corp = state.Corps[corpId];
                // Time-driven changes (24 h transfers) take effect before anything reads the corp.
                TransferApi.Settle(corp, now);
                return handler(corp, new SimRequest(http, body, now));
            }
        }

        var path = "/cgi-bin/" + api;
        if (post) routes.MapPost(path, Run);
        else routes.MapGet(path, Run);
    }

    /// <summary>Latency and injected errcodes apply before anything else, as a throttle or IP block would.</summary>
    public static async Task<IResult?> Gate(string api, SimulatorState state, HttpContext http)
    {
        var latency = state.Faults.Latency(api);
        if (latency > TimeSpan.Zero) await Task.Delay(latency, state.Time, http.RequestAborted);
        return state.Faults.Next(api) is { } injected ? SimJson.Error(injected) : null;
    }
}
