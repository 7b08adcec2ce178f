using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>The bitmaps of one field. Every column keeps the customers that have a value, for 'is set' and 'is not set'.</summary>
internal abstract class Column(FieldDefinition field) : IDisposable
{
    public FieldDefinition Field { get; } = field;

    public IndexedBitmap HasValue { get; } = new();

    public static Column For(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Enum => new EnumColumn(field),
        FieldKind.Bool => new BoolColumn(field),
        _ => new RangeColumn(field),
    };

    /// <summary>Rebuild path: the ordinal has no value yet.</summary>
    public void Append(int ordinal, FieldValue value)
    {
        Check(value);
        HasValue.Append(ordinal);
        AppendValue(ordinal, value);
    }

    /// <summary>Incremental path: replaces whatever value the ordinal had.</summary>
    public void Assign(int ordinal, FieldValue value)
    {
        Check(value);
        Clear(ordinal);
        HasValue.Add(ordinal);
        AssignValue(ordinal, value);
    }

    public void Clear(int ordinal)
    {
        if (!HasValue.Contains(ordinal)) return;
        HasValue.Remove(ordinal);
        ClearValue(ordinal);
    }

    public void Seal()
    {
        HasValue.Seal();
        foreach (var bitmap in ValueBitmaps()) bitmap.Seal();
    }

    /// <summary>Every bitmap by a stable name, for comparing two indexes and for measuring memory.</summary>
    public IEnumerable<(string Name, Roaring32Bitmap Bitmap)> Bitmaps() =>
        NamedValueBitmaps().Select(b => ($"{Field.Name}{b.Name}", b.Bitmap.Bitmap)).Prepend(($"{Field.Name} is set", HasValue.Bitmap));

    protected abstract void AppendValue(int ordinal, FieldValue value);
    protected abstract void AssignValue(int ordinal, FieldValue value);
    protected abstract void ClearValue(int ordinal);
    protected abstract IEnumerable<(string Name, IndexedBitmap Bitmap)> NamedValueBitmaps();

    private IEnumerable<IndexedBitmap> ValueBitmaps() => NamedValueBitmaps().Select(b => b.Bitmap);

    private void Check(FieldValue value)
    {
        if (value.Kind != Field.Kind)
            throw new ArgumentException($"'{Field.Name}' holds {Field.Kind} values, not {value.Kind}.", nameof(value));
    }

    public virtual void Dispose()
    {
        HasValue.Dispose();
        foreach (var bitmap in ValueBitmaps()) bitmap.Dispose();
    }
}
