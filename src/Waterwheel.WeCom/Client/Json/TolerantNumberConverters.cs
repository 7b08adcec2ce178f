using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waterwheel.WeCom.Client.Json;

/// <summary>Numbers that arrive as null, "" or "12" still read; a missing value is 0 rather than a failed sync.</summary>
internal sealed class TolerantInt32Converter : JsonConverter<int>
{
    public override bool HandleNull => true;

    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (int)TolerantNumber.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal sealed class TolerantInt64Converter : JsonConverter<long>
{
    public override bool HandleNull => true;

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantNumber.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal static class TolerantNumber
{
    public static long Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var l) ? l : (long)reader.GetDouble();
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), out var s) ? s : 0;
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return 0;
            default:
                return 0;
        }
    }
}
