using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>A call after token checks: the query string, the JSON body (read tolerantly) and the simulated now.</summary>
internal sealed class SimRequest(HttpContext http, JsonElement body, DateTimeOffset instant)
{
    public DateTimeOffset Instant => instant;

    public long Now => instant.ToUnixTimeSeconds();

    public string? Query(string name) => http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public bool Has(string name) => Get(name) is { ValueKind: not JsonValueKind.Null };

    public string? Str(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    public long? Long(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        { ValueKind: JsonValueKind.String } e when long.TryParse(e.GetString(), out var l) => l,
        _ => null,
    };

    public bool? Bool(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } e => e.GetInt64() != 0,
        _ => null,
    };

    public List<string>? Strings(string name) => Get(name) is { ValueKind: JsonValueKind.Array } a
        ? a.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
        : null;

    public List<long>? Longs(string name) => Strings(name)?.Select(s => long.TryParse(s, out var l) ? l : -1).ToList();

    public JsonElement? Get(string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var e) ? e : null;

    public SimRequest? Object(string name) => Get(name) is { ValueKind: JsonValueKind.Object } o ? new SimRequest(http, o, instant) : null;
}
