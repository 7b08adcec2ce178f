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

    /// <summary>A multipart upload; the file is null when the request carried none in the expected field.</summary>
    public delegate IResult UploadHandler(SimCorp corp, SimRequest request, SimUpload? upload);

    public static void Post(this IEndpointRouteBuilder routes, string api, Handler handler) =>
        Map(routes, api, true, ReadJson, (corp, r, _) => handler(corp, r));

    public static void Get(this IEndpointRouteBuilder routes, string api, Handler handler) =>
        Map(routes, api, false, _ => Task.FromResult(new Body(default, null, null)), (corp, r, _) => handler(corp, r));

    /// <summary>A POST whose body is multipart/form-data with the file in <paramref name="field"/> (WeCom uses "media").</summary>
    public static void Upload(this IEndpointRouteBuilder routes, string api, string field, UploadHandler handler) =>
        Map(routes, api, true, http => ReadUpload(http, field), handler);

    private sealed record Body(JsonElement Json, SimUpload? Upload, IResult? Refused);

    private static void Map(IEndpointRouteBuilder routes, string api, bool post, Func<HttpContext, Task<Body>> read, UploadHandler handler)
    {
        async Task<IResult> Run(HttpContext http, SimulatorState state)
        {
            using var slot = state.Faults.Enter(api);
            if (await Gate(api, state, http) is { } refused) return refused;
            if (slot.OverCap) return SimJson.Error(45033);
            var (corpId, errcode) = state.Tokens.Validate(http.Request.Query["access_token"]);
            if (corpId is null) return SimJson.Error(errcode);
            // The body is read before the lock: reading is asynchronous and may be slow.
            var body = await read(http);
            if (body.Refused is not null) return body.Refused;
            var now = state.Time.GetUtcNow();
            IResult result;
            lock (state.Sync)
            {
                var corp = state.Corps[corpId];
                // Time-driven changes (24 h transfers) take effect before anything reads the corp.
                TransferApi.Settle(corp, now);
                result = handler(corp, new SimRequest(http, body.Json, now), body.Upload);
            }
            await state.Faults.BeforeAnswer(api, http.RequestAborted);
            return result;
        }

        var path = "/cgi-bin/" + api;
        if (post) routes.MapPost(path, Run);
        else routes.MapGet(path, Run);
    }

    private static async Task<Body> ReadJson(HttpContext http)
    {
        try { return new Body((await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement, null, null); }
        catch (JsonException) { return new Body(default, null, SimJson.Error(SimErrors.BadJson)); }
    }

    private static async Task<Body> ReadUpload(HttpContext http, string field)
    {
        if (!http.Request.HasFormContentType) return new Body(default, null, null);
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
        catch (InvalidDataException) { return new Body(default, null, SimJson.Error(SimErrors.BadJson)); }
        if (form.Files.GetFile(field) is not { } file) return new Body(default, null, null);
        // Only the size and the first bytes matter to WeCom's checks; the content itself is not kept.
        var head = new byte[Math.Min(file.Length, SimUpload.HeadLength)];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(head, http.RequestAborted);
        return new Body(default, new SimUpload(file.FileName, file.Length, head), null);
    }

    /// <summary>Latency and injected errcodes apply before anything else, as a throttle or IP block would.</summary>
    public static async Task<IResult?> Gate(string api, SimulatorState state, HttpContext http)
    {
        var latency = state.Faults.Latency(api);
        if (latency > TimeSpan.Zero) await Task.Delay(latency, state.Time, http.RequestAborted);
        return state.Faults.Next(api) is { } injected ? SimJson.Error(injected) : null;
    }
}
