using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Waterwheel.Audiences.Segments.Json;

/// <summary>
/// The JSON form, for storage and the API: each node an object whose <c>op</c> names it —
/// <c>{"op":"and","args":[…]}</c>, <c>{"op":"not","arg":…}</c>, <c>{"op":"tag","tag":"&lt;id&gt;"}</c>,
/// <c>{"op":"in","field":"city","values":["杭州"]}</c>, <c>{"op":"range","field":"total_spent","min":300}</c> (dates as
/// "2026-01-31"), <c>{"op":"within_days","field":…,"days":90}</c>, <c>older_than_days</c>, <c>is_set</c>,
/// <c>is_not_set</c>, <c>{"op":"is","field":…,"value":true}</c>. Tags are ids here: a renamed tag keeps its segments.
/// </summary>
internal static class SegmentJson
{
    public static string Write(Segment segment)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(segment, writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Segment segment, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        switch (segment)
        {
            case And and:
                Terms(json, "and", and.Terms);
                break;
            case Or or:
                Terms(json, "or", or.Terms);
                break;
            case Not not:
                json.WriteString("op", "not");
                json.WritePropertyName("arg");
                Write(not.Term, json);
                break;
            case HasTag tag:
                json.WriteString("op", "tag");
                json.WriteString("tag", tag.TagId);
                break;
            case In @in:
                Op(json, "in", @in.Field);
                json.WriteStartArray("values");
                foreach (var value in @in.Values) json.WriteStringValue(value);
                json.WriteEndArray();
                break;
            case NumberRange range:
                Op(json, "range", range.Field);
                if (range.Min is { } min) json.WriteNumber("min", min);
                if (range.Max is { } max) json.WriteNumber("max", max);
                break;
            case DateRange range:
                Op(json, "range", range.Field);
                if (range.Min is { } from) json.WriteString("min", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (range.Max is { } to) json.WriteString("max", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case WithinDays within:
                Op(json, "within_days", within.Field);
                json.WriteNumber("days", within.Days);
                break;
            case OlderThanDays older:
                Op(json, "older_than_days", older.Field);
                json.WriteNumber("days", older.Days);
                break;
            case IsSet set:
                Op(json, "is_set", set.Field);
                break;
            case IsNotSet notSet:
                Op(json, "is_not_set", notSet.Field);
                break;
            case Is @is:
                Op(json, "is", @is.Field);
                json.WriteBoolean("value", @is.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node.");
        }
        json.WriteEndObject();
    }

    private static void Terms(Utf8JsonWriter json, string op, IEnumerable<Segment> terms)
    {
        json.WriteString("op", op);
        json.WriteStartArray("args");
        foreach (var term in terms) Write(term, json);
        json.WriteEndArray();
    }

    private static void Op(Utf8JsonWriter json, string op, string field)
    {
        json.WriteString("op", op);
        json.WriteString("field", field);
    }

    /// <summary>Reads and validates the JSON form; a problem names the path of the node ($.args[1].min).</summary>
    public static SegmentResult<Segment> Read(string json, FieldCatalog catalog)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = SegmentLimits.MaxDepth * 2 + 2 });
        }
        catch (JsonException e)
        {
            // The one exception System.Text.Json offers for malformed text; it ends here as a value.
            return new SegmentError("segment_syntax", $"The segment is not valid JSON: {e.Message}", Path: "$");
        }
        using (document)
        {
            var read = new SegmentJsonReader(catalog).Node(document.RootElement, "$", 1);
            if (!read.IsSuccess) return read.Error!;
            return SegmentValidator.Validate(read.Value!, catalog) is { } invalid ? invalid with { Path = "$" } : read;
        }
    }
}
