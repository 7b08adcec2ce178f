using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// Response envelopes. Field names are written out literally (not derived from a naming policy) so that the
/// simulator checks the client's spelling instead of sharing its mistakes.
/// </summary>
internal static class SimJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(Dictionary<string, object?>? fields = null)
    {
        var body = new Dictionary<string, object?> { ["errcode"] = 0, ["errmsg"] = "ok" };
        foreach (var (k, v) in fields ?? []) body[k] = v;
        return Results.Json(body, Options);
    }

    public static IResult Error(int code) =>
        Results.Json(new Dictionary<string, object?> { ["errcode"] = code, ["errmsg"] = $"{SimErrors.Message(code)}, hint: [simulator]" }, Options);
}
