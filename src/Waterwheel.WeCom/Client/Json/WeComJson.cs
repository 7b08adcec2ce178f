using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waterwheel.WeCom.Client.Json;

/// <summary>
/// WeCom's JSON is snake_case with glued words (external_userid, not external_user_id), so property names are
/// spelled to match the policy. Reading is tolerant: unknown fields are skipped and strings/numbers are accepted
/// in either form, because WeCom has changed field types before (spec §0).
/// </summary>
internal static class WeComJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            // Chinese names stay readable in request bodies and logs.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new TolerantStringConverter());
        options.Converters.Add(new TolerantInt32Converter());
        options.Converters.Add(new TolerantInt64Converter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
