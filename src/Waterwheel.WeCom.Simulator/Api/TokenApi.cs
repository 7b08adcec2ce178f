using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>gettoken: 40013 for an unknown corp, 40001 for a secret that is not one of its apps'.</summary>
internal static class TokenApi
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/cgi-bin/gettoken",
        async (HttpContext http, SimulatorState state, string? corpid, string? corpsecret) =>
        {
            if (await SimEndpoint.Gate("gettoken", state, http) is { } refused) return refused;
            lock (state.Sync)
            {
                if (corpid is null || !state.Corps.TryGetValue(corpid, out var corp)) return SimJson.Error(40013);
                if (corpsecret is null || !corp.Secrets.Contains(corpsecret)) return SimJson.Error(40001);
            }
            var (token, expiresIn) = state.Tokens.Issue(corpid, corpsecret);
            return SimJson.Ok(new() { ["access_token"] = token, ["expires_in"] = expiresIn });
        });
}
