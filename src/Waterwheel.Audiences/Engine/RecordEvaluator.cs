using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine;

/// <summary>
/// Whether one customer is in a segment, straight from their record: how the module decides a single customer's
/// enter or exit after a change, and the oracle the index is tested against. Same rules as the index: a condition on a
/// field the customer has no value for is false; <c>today</c> is the tenant's date.
/// </summary>
internal static class RecordEvaluator
{
    public static bool Matches(Segment segment, CustomerRecord record, FieldCatalog catalog, DateOnly today) => segment switch
    {
        And and => and.Terms.All(t => Matches(t, record, catalog, today)),
        Or or => or.Terms.Any(t => Matches(t, record, catalog, today)),
        Not not => !Matches(not.Term, record, catalog, today),
        HasTag tag => record.Tags.Contains(tag.TagId),
        In @in => Value(record, @in.Field, FieldKind.Enum) is { } v && @in.Values.Contains(v.Text!),
        NumberRange range => Value(record, range.Field, FieldKind.Number) is { } v
            && FieldScaling.Normalise(catalog.Get(range.Field), v.Number) is var n && !(n < range.Min) && !(n > range.Max),
        DateRange range => Value(record, range.Field, FieldKind.Date) is { } v && !(v.Date < range.Min) && !(v.Date > range.Max),
        WithinDays within => Value(record, within.Field, FieldKind.Date) is { } v
            && FieldScaling.Day(v.Date) >= FieldScaling.Day(today) - within.Days && v.Date <= today,
        OlderThanDays older => Value(record, older.Field, FieldKind.Date) is { } v && FieldScaling.Day(v.Date) < FieldScaling.Day(today) - older.Days,
        IsSet set => record.Values.ContainsKey(set.Field),
        IsNotSet notSet => !record.Values.ContainsKey(notSet.Field),
        Is @is => Value(record, @is.Field, FieldKind.Bool) is { } v && v.Flag == @is.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node."),
    };

    private static FieldValue? Value(CustomerRecord record, string field, FieldKind kind) =>
        record.Values.TryGetValue(field, out var value) && value.Kind == kind ? value : null;
}
