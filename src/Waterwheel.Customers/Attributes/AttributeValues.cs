using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waterwheel.Customers.Attributes;

/// <summary>
/// Reads a value sent for an attribute (by the API, the console or an identify trait) into its canonical stored form,
/// or says in zh-CN why it cannot: a string as itself, a number as a JSON integer, a decimal as a JSON number, a date
/// as <c>yyyy-MM-dd</c>, an enum as one of its options, a bool as true or false.
/// </summary>
internal static class AttributeValues
{
    public const int MaxText = 200;

    // Mainland China has kept UTC+8 without daylight saving since 1991: a time sent for a date is read in Beijing time.
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static (JsonNode? Value, string? Error) Parse(AttributeType type, IReadOnlyList<string> options, JsonNode? input)
    {
        if (input is null) return (null, null);
        if (input is not JsonValue value) return (null, CustomersText.Get("SingleValue"));
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;
        return type switch
        {
            AttributeType.String => text is null ? (null, CustomersText.Get("MustBeText"))
                : text.Length > MaxText ? (null, CustomersText.Format("TextTooLong", MaxText)) : (JsonValue.Create(text), null),
            AttributeType.Number => Integer(value, text) is { } n ? (JsonValue.Create(n), null) : (null, CustomersText.Get("MustBeWhole")),
            AttributeType.Decimal => Decimal(value, text) is { } d ? (JsonValue.Create(d), null) : (null, CustomersText.Get("MustBeNumber")),
            AttributeType.Date => text is not null && Date(text) is { } date
                ? (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
                : (null, CustomersText.Get("MustBeDate")),
            AttributeType.Enum => text is not null && options.Contains(text, StringComparer.Ordinal) ? (JsonValue.Create(text), null)
                : (null, CustomersText.Format("MustBeOption", string.Join("、", options))),
            AttributeType.Bool => Bool(value, text) is { } b ? (JsonValue.Create(b), null) : (null, CustomersText.Get("MustBeBool")),
            _ => (null, CustomersText.Get("UnknownType")),
        };
    }

    public static DateOnly? Date(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && text.Contains('T'))
            return DateOnly.FromDateTime(time.ToOffset(Beijing).DateTime);
        return null;
    }

    private static long? Integer(JsonValue value, string? text)
    {
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n)) return n;
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue) return (long)d;
        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static decimal? Decimal(JsonValue value, string? text)
    {
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var d)) return d;
        return text is not null && decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static bool? Bool(JsonValue value, string? text) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetValue<int>(out var n) && n is 0 or 1 => n == 1,
        _ => text?.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "是" => true,
            "false" or "no" or "0" or "否" => false,
            _ => null,
        },
    };

    public static JsonObject Read(string? stored) => stored is null ? [] : JsonNode.Parse(stored) as JsonObject ?? [];

    /// <summary>
    /// Stored as written: Chinese text stays as its characters rather than \u escapes, which would take six times the
    /// room in a column that is never placed in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Stored = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Write(JsonObject values) => values.Count == 0 ? null : values.ToJsonString(Stored);

    /// <summary>A merge's survivor keeps its own values and takes the merged profile's for keys it has none of.</summary>
    public static string? FillGaps(string? own, string? other)
    {
        if (other is null) return own;
        var values = Read(own);
        foreach (var (key, value) in Read(other))
            if (!values.ContainsKey(key)) values[key] = value?.DeepClone();
        return Write(values);
    }
}
