using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>
/// A number (at the field's scale, e.g. fen) or a date (days since 1970) as two bit-sliced indexes: values from 0 up,
/// and negative values by magnitude (-1 kept as 0). Two unsigned indexes keep the slice walk simple and the slice
/// count to what the values need, where one offset-biased index would walk 63 slices for every range.
/// </summary>
internal sealed class RangeColumn(FieldDefinition field) : Column(field)
{
    private readonly BitSlicedIndex _positive = new();
    private readonly BitSlicedIndex _negative = new();
    private readonly RangeResults _results = new();

    public long Stored(FieldValue value) =>
        Field.Kind == FieldKind.Date ? FieldScaling.Day(value.Date) : FieldScaling.Scaled(Field, value.Number);

    protected override void AppendValue(int ordinal, FieldValue value)
    {
        var stored = Stored(value);
        if (stored >= 0) _positive.Append(ordinal, (ulong)stored);
        else _negative.Append(ordinal, (ulong)(-(stored + 1)));
        _results.Assign(ordinal, stored);
    }

    protected override void AssignValue(int ordinal, FieldValue value)
    {
        var stored = Stored(value);
        if (stored >= 0) _positive.Set(ordinal, (ulong)stored);
        else _negative.Set(ordinal, (ulong)(-(stored + 1)));
        _results.Assign(ordinal, stored);
    }

    protected override void ClearValue(int ordinal)
    {
        _positive.Remove(ordinal);
        _negative.Remove(ordinal);
        _results.Clear(ordinal);
    }

    /// <summary>
    /// The customers in the range, as a bitmap the index keeps (borrowed) when it keeps or can keep that range's whole
    /// result, or else computed among <paramref name="within"/> for this caller alone (owned).
    /// </summary>
    public (Roaring32Bitmap Members, bool Kept) Range(long? min, long? max, Roaring32Bitmap? within, bool keep)
    {
        if (keep && _results.Find(min, max) is { } kept) return (kept, true);
        if (keep && _results.HasRoom) return (_results.Keep(min, max, Between(min, max, null)), true);
        return (Between(min, max, within), false);
    }

    /// <summary>The customers whose stored value is between the bounds (inclusive, null open), among <paramref name="within"/>.</summary>
    public Roaring32Bitmap Between(long? min, long? max, Roaring32Bitmap? within)
    {
        if (min > max) return new Roaring32Bitmap();
        Roaring32Bitmap? result = null;
        if (max is null or >= 0)
            result = _positive.Between(min is > 0 ? (ulong)min.Value : null, (ulong?)max, within);
        if (min is null or < 0)
        {
            // v in [min, min(max, -1)]  ⇔  -v-1 in [-min(max,-1)-1, -min-1]
            var low = max is null or >= 0 ? (ulong?)null : (ulong)(-(max.Value + 1));
            var high = min is null ? (ulong?)null : (ulong)(-(min.Value + 1));
            var negatives = _negative.Between(low, high, within);
            if (result is null) return negatives;
            result.IOr(negatives);
            negatives.Dispose();
        }
        return result!;
    }

    public override void Dispose()
    {
        base.Dispose();
        _results.Dispose();
    }

    protected override IEnumerable<(string Name, IndexedBitmap Bitmap)> NamedValueBitmaps() =>
        Named(" ≥0", _positive).Concat(Named(" <0", _negative));

    private static IEnumerable<(string, IndexedBitmap)> Named(string sign, BitSlicedIndex index) =>
        index.Slices.Select((slice, i) => ($"{sign} bit {i}", slice)).Prepend(($"{sign} exists", index.Exists));
}
