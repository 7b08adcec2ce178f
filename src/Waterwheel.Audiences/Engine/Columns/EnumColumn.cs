using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>One bitmap per value of a list field (city, store, lifecycle stage…).</summary>
internal sealed class EnumColumn(FieldDefinition field) : Column(field)
{
    private readonly Dictionary<string, IndexedBitmap> _values = new(StringComparer.Ordinal);

    public IndexedBitmap? Value(string value) => _values.GetValueOrDefault(value);

    protected override void AppendValue(int ordinal, FieldValue value) => Bitmap(value.Text!).Append(ordinal);

    protected override void AssignValue(int ordinal, FieldValue value) => Bitmap(value.Text!).Add(ordinal);

    // The old value is not kept per customer (an int per customer per field would cost more than the bitmaps), so
    // clearing asks each value's bitmap; a field has hundreds of values at most for a store or a city.
    protected override void ClearValue(int ordinal)
    {
        foreach (var bitmap in _values.Values)
            if (bitmap.Contains(ordinal)) { bitmap.Remove(ordinal); return; }
    }

    protected override IEnumerable<(string Name, IndexedBitmap Bitmap)> NamedValueBitmaps() =>
        _values.Select(v => ($" = \"{v.Key}\"", v.Value));

    private IndexedBitmap Bitmap(string value)
    {
        if (!_values.TryGetValue(value, out var bitmap)) _values[value] = bitmap = new IndexedBitmap();
        return bitmap;
    }
}
