using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>A yes/no field: the customers with yes and those with no (the rest have no value).</summary>
internal sealed class BoolColumn(FieldDefinition field) : Column(field)
{
    public IndexedBitmap True { get; } = new();
    public IndexedBitmap False { get; } = new();

    protected override void AppendValue(int ordinal, FieldValue value) => (value.Flag ? True : False).Append(ordinal);

    protected override void AssignValue(int ordinal, FieldValue value) => (value.Flag ? True : False).Add(ordinal);

    protected override void ClearValue(int ordinal)
    {
        True.Remove(ordinal);
        False.Remove(ordinal);
    }

    protected override IEnumerable<(string Name, IndexedBitmap Bitmap)> NamedValueBitmaps() => [(" = true", True), (" = false", False)];
}
