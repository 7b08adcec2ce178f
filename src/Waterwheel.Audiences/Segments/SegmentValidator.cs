namespace Waterwheel.Audiences.Segments;

/// <summary>
/// Whether a segment tree may be stored and evaluated: its fields exist and are compared as their kind allows, its
/// values fit their fields, and it stays within <see cref="SegmentLimits"/>. Both forms run it after reading, and a
/// tree built in code should too.
/// </summary>
internal static class SegmentValidator
{
    public static SegmentError? Validate(Segment segment, FieldCatalog catalog)
    {
        var terms = 0;
        return Check(segment, catalog, 1, ref terms);
    }

    private static SegmentError? Check(Segment segment, FieldCatalog catalog, int depth, ref int terms)
    {
        if (depth > SegmentLimits.MaxDepth)
            return Limit($"A segment nests at most {SegmentLimits.MaxDepth} levels deep.");
        if (++terms > SegmentLimits.MaxTerms)
            return Limit($"A segment has at most {SegmentLimits.MaxTerms} terms.");
        switch (segment)
        {
            case And or Or:
                var list = segment is And and ? and.Terms : ((Or)segment).Terms;
                if (list.Count < 2) return new SegmentError("segment_syntax", "'and' and 'or' join at least two terms.");
                foreach (var term in list)
                    if (Check(term, catalog, depth + 1, ref terms) is { } error) return error;
                return null;
            case Not not:
                return Check(not.Term, catalog, depth + 1, ref terms);
            case HasTag:
                return null;
            case In @in:
                return Field(catalog, @in.Field, FieldKind.Enum, "in") ?? Values(@in);
            case NumberRange range:
                return Field(catalog, range.Field, FieldKind.Number, "a number comparison") ?? Bounds(catalog.Get(range.Field), range);
            case DateRange range:
                return Field(catalog, range.Field, FieldKind.Date, "a date comparison")
                    ?? (range.Min is null && range.Max is null ? EmptyBounds(range.Field)
                        : range.Min > range.Max ? Empty(range.Field) : null);
            case WithinDays within:
                return Field(catalog, within.Field, FieldKind.Date, "'within … days'") ?? Days(within.Days);
            case OlderThanDays older:
                return Field(catalog, older.Field, FieldKind.Date, "'older than … days'") ?? Days(older.Days);
            case IsSet set:
                return Known(catalog, set.Field);
            case IsNotSet notSet:
                return Known(catalog, notSet.Field);
            case Is @is:
                return Field(catalog, @is.Field, FieldKind.Bool, "'= true/false'");
            default:
                throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node.");
        }
    }

    public static SegmentError? Known(FieldCatalog catalog, string field) =>
        catalog.TryGet(field, out _) ? null : UnknownField(field);

    public static SegmentError UnknownField(string field) =>
        new("segment_unknown_field", $"There is no field '{field}'.");

    public static SegmentError? Field(FieldCatalog catalog, string name, FieldKind kind, string what)
    {
        if (!catalog.TryGet(name, out var field)) return UnknownField(name);
        return field.Kind == kind ? null : WrongKind(field, what);
    }

    public static SegmentError WrongKind(FieldDefinition field, string what) =>
        new("segment_value_type", $"{what} does not apply to '{field.Name}' ({field.Label}), which is {Describe(field.Kind)}.");

    public static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Enum => "a list of values (use in (\"…\"))",
        FieldKind.Number => "a number (use >, >=, <, <=, between)",
        FieldKind.Date => "a date (use within … days, older than … days, between, >, <)",
        _ => "yes/no (use = true or = false)",
    };

    private static SegmentError? Values(In @in)
    {
        if (@in.Values.Count == 0) return new SegmentError("segment_syntax", $"'{@in.Field} in' needs at least one value.");
        if (@in.Values.Count > SegmentLimits.MaxValuesPerIn)
            return Limit($"'in' takes at most {SegmentLimits.MaxValuesPerIn:N0} values; '{@in.Field}' has {@in.Values.Count:N0}.");
        return @in.Values.Select(Text).FirstOrDefault(e => e is not null);
    }

    public static SegmentError? Text(string value) =>
        value.Length > SegmentLimits.MaxStringLength ? Limit($"A value is at most {SegmentLimits.MaxStringLength} characters.")
        : value.Length == 0 ? new SegmentError("segment_value_type", "A value may not be empty.") : null;

    private static SegmentError? Bounds(FieldDefinition field, NumberRange range)
    {
        if (range.Min is null && range.Max is null) return EmptyBounds(field.Name);
        foreach (var bound in new[] { range.Min, range.Max })
            if (bound is { } value && !field.FitsScale(value))
                return new SegmentError("segment_value_type", field.Scale == 0
                    ? $"'{field.Name}' takes whole numbers up to {FieldDefinition.MaxMagnitude:N0}."
                    : $"'{field.Name}' takes numbers with at most {field.Scale} decimals, up to {FieldDefinition.MaxMagnitude:N0}.");
        return range.Min > range.Max ? Empty(field.Name) : null;
    }

    public static SegmentError? Days(int days) => days is < 0 or > SegmentLimits.MaxDays
        ? new SegmentError("segment_value_type", $"Days are a whole number from 0 to {SegmentLimits.MaxDays:N0}.") : null;

    private static SegmentError EmptyBounds(string field) => new("segment_syntax", $"The range on '{field}' needs a lower or an upper bound.");

    private static SegmentError Empty(string field) =>
        new("segment_empty_range", $"The range on '{field}' is empty: its lower bound is above its upper bound.");

    private static SegmentError Limit(string message) => new("segment_too_large", message);
}
