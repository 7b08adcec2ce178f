using System.Globalization;
using System.Text.Json;

namespace Waterwheel.Audiences.Segments.Json;

/// <summary>Turns a parsed JSON document into a segment tree, checking shapes and value types against the catalog.</summary>
internal sealed class SegmentJsonReader(FieldCatalog catalog)
{
    public SegmentResult<Segment> Node(JsonElement node, string path, int depth)
    {
        if (depth > SegmentLimits.MaxDepth)
            return new SegmentError("segment_too_large", $"A segment nests at most {SegmentLimits.MaxDepth} levels deep.", Path: path);
        if (node.ValueKind != JsonValueKind.Object) return Bad(path, "Expected an object with \"op\".");
        if (!node.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String) return Bad(path, "Expected \"op\" as a string.");
        switch (op.GetString())
        {
            case "and":
            case "or":
                return Terms(node, path, depth, op.GetString() == "and");
            case "not":
                if (!node.TryGetProperty("arg", out var arg)) return Bad(path, "'not' needs \"arg\".");
                var term = Node(arg, path + ".arg", depth + 1);
                return term.IsSuccess ? new Not(term.Value!) : term;
            case "tag":
                return node.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.String && tag.TryGetGuid(out var id)
                    ? new HasTag(id) : Bad(path + ".tag", "Expected a tag id.");
            case "in":
                return In(node, path);
            case "range":
                return Range(node, path);
            case "within_days":
            case "older_than_days":
                return Days(node, path, op.GetString() == "within_days");
            case "is_set":
                return Field(node, path, out var set) is { } e1 ? e1 : new IsSet(set.Name);
            case "is_not_set":
                return Field(node, path, out var notSet) is { } e2 ? e2 : new IsNotSet(notSet.Name);
            case "is":
                if (Field(node, path, out var flag) is { } e3) return e3;
                if (flag.Kind != FieldKind.Bool) return SegmentValidator.WrongKind(flag, "'is'") with { Path = path };
                return node.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? new Is(flag.Name, value.GetBoolean()) : Bad(path + ".value", "Expected true or false.");
            default:
                return Bad(path + ".op", $"Unknown op \"{op.GetString()}\".");
        }
    }

    private SegmentResult<Segment> Terms(JsonElement node, string path, int depth, bool and)
    {
        if (!node.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array) return Bad(path, "Expected \"args\" as an array.");
        var terms = new List<Segment>();
        var index = 0;
        foreach (var element in args.EnumerateArray())
        {
            if (terms.Count >= SegmentLimits.MaxTerms)
                return new SegmentError("segment_too_large", $"A segment has at most {SegmentLimits.MaxTerms} terms.", Path: path);
            var term = Node(element, $"{path}.args[{index++}]", depth + 1);
            if (!term.IsSuccess) return term;
            terms.Add(term.Value!);
        }
        if (terms.Count < 2) return Bad(path + ".args", "'and' and 'or' join at least two terms.");
        return and ? new And(terms.ToArray()) : new Or(terms.ToArray());
    }

    private SegmentResult<Segment> In(JsonElement node, string path)
    {
        if (Field(node, path, out var field) is { } error) return error;
        if (field.Kind != FieldKind.Enum) return SegmentValidator.WrongKind(field, "'in'") with { Path = path };
        if (!node.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array) return Bad(path, "Expected \"values\" as an array.");
        if (values.GetArrayLength() > SegmentLimits.MaxValuesPerIn)
            return new SegmentError("segment_too_large", $"'in' takes at most {SegmentLimits.MaxValuesPerIn:N0} values.", Path: path + ".values");
        var texts = new List<string>();
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String) return Bad($"{path}.values[{texts.Count}]", $"'{field.Name}' takes text values.", "segment_value_type");
            texts.Add(value.GetString()!);
        }
        return new In(field.Name, texts.ToArray());
    }

    private SegmentResult<Segment> Range(JsonElement node, string path)
    {
        if (Field(node, path, out var field) is { } error) return error;
        if (field.Kind == FieldKind.Number)
        {
            decimal? min = null, max = null;
            foreach (var (name, set) in new (string, Action<decimal>)[] { ("min", v => min = v), ("max", v => max = v) })
                if (node.TryGetProperty(name, out var bound) && bound.ValueKind != JsonValueKind.Null)
                {
                    if (bound.ValueKind != JsonValueKind.Number || !bound.TryGetDecimal(out var number))
                        return Bad($"{path}.{name}", $"'{field.Name}' takes a number.", "segment_value_type");
                    set(number);
                }
            return new NumberRange(field.Name, min, max);
        }
        if (field.Kind == FieldKind.Date)
        {
            DateOnly? min = null, max = null;
            foreach (var (name, set) in new (string, Action<DateOnly>)[] { ("min", v => min = v), ("max", v => max = v) })
                if (node.TryGetProperty(name, out var bound) && bound.ValueKind != JsonValueKind.Null)
                {
                    if (bound.ValueKind != JsonValueKind.String
                        || !DateOnly.TryParseExact(bound.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return Bad($"{path}.{name}", $"'{field.Name}' takes a date as \"2026-01-31\".", "segment_value_type");
                    set(date);
                }
            return new DateRange(field.Name, min, max);
        }
        return SegmentValidator.WrongKind(field, "'range'") with { Path = path };
    }

    private SegmentResult<Segment> Days(JsonElement node, string path, bool within)
    {
        if (Field(node, path, out var field) is { } error) return error;
        if (field.Kind != FieldKind.Date) return SegmentValidator.WrongKind(field, within ? "'within_days'" : "'older_than_days'") with { Path = path };
        if (!node.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Number || !days.TryGetInt32(out var count))
            return Bad(path + ".days", "Expected a whole number of days.");
        return within ? new WithinDays(field.Name, count) : new OlderThanDays(field.Name, count);
    }

    private SegmentError? Field(JsonElement node, string path, out FieldDefinition field)
    {
        field = null!;
        if (!node.TryGetProperty("field", out var name) || name.ValueKind != JsonValueKind.String)
            return new SegmentError("segment_syntax", "Expected \"field\" as a string.", Path: path);
        return catalog.TryGet(name.GetString()!, out field) ? null : SegmentValidator.UnknownField(name.GetString()!) with { Path = path + ".field" };
    }

    private static SegmentError Bad(string path, string message, string code = "segment_syntax") => new(code, message, Path: path);
}
