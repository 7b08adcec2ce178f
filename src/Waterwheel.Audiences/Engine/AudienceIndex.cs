using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Engine.Columns;
using Waterwheel.Audiences.Engine.Evaluation;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine;

/// <summary>
/// One tenant's customers as compressed bitmaps over their ordinals: one per tag, per value of a list field and per
/// yes/no, a bit-sliced index per number and date field, and the live customers. A cache of the database (ADR 13): built
/// from records at start, kept current change by change.
/// </summary>
/// <remarks>
/// Many readers, one writer, through a reader-writer lock. CRoaring's reads (And, AndCount, Contains…) do not touch the
/// bitmaps they read, so any number of counts may run together; an Add or Remove may reallocate a container under a
/// reader, so a change waits for the counts in flight and holds new ones off for its microseconds. Changes come from one
/// applier per node in the order of the change log, so there is never a second writer to wait for.
/// </remarks>
internal sealed class AudienceIndex : IndexBitmaps, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly IndexedBitmap _universe = new();
    private readonly Dictionary<Guid, IndexedBitmap> _tags = [];
    private readonly Dictionary<string, Column> _columns = new(StringComparer.Ordinal);

    public AudienceIndex(FieldCatalog catalog) => Catalog = catalog;

    public FieldCatalog Catalog { get; }

    /// <summary>The rebuild: every customer's record, in any order (ascending ordinals are fastest).</summary>
    public static AudienceIndex Build(FieldCatalog catalog, IEnumerable<CustomerRecord> records)
    {
        var index = new AudienceIndex(catalog);
        foreach (var record in records)
        {
            index._universe.Append(record.Ordinal);
            foreach (var tag in record.Tags) index.TagBitmap(tag).Append(record.Ordinal);
            foreach (var (field, value) in record.Values) index.ColumnFor(field).Append(record.Ordinal, value);
        }
        index._universe.Seal();
        foreach (var tag in index._tags.Values) tag.Seal();
        foreach (var column in index._columns.Values) column.Seal();
        return index;
    }

    public ulong CustomerCount => Read(() => _universe.Bitmap.Count);

    /// <summary>How many customers are in the segment (within the scope, when given: a dealer's or a store's customers), without listing them.</summary>
    public ulong Count(Segment segment, DateOnly today, Segment? scope = null) =>
        Read(() => new IndexEvaluator(this, today).Count(Scoped(segment, scope)));

    /// <summary>The segment's customers, for a send, a pack or an export; the caller disposes them.</summary>
    public AudienceMembers Materialise(Segment segment, DateOnly today, Segment? scope = null) =>
        new(Read(() => new IndexEvaluator(this, today).Materialise(Scoped(segment, scope))));

    /// <summary>Replaces everything the index knows of one customer (a new customer, or a profile re-read after a merge).</summary>
    public void Upsert(CustomerRecord record) => Write(() =>
    {
        RemoveUnlocked(record.Ordinal);
        _universe.Add(record.Ordinal);
        foreach (var tag in record.Tags) TagBitmap(tag).Add(record.Ordinal);
        foreach (var (field, value) in record.Values) ColumnFor(field).Assign(record.Ordinal, value);
    });

    public void SetTag(int ordinal, Guid tag) => Write(() =>
    {
        _universe.Add(ordinal);
        TagBitmap(tag).Add(ordinal);
    });

    public void ClearTag(int ordinal, Guid tag) => Write(() => _tags.GetValueOrDefault(tag)?.Remove(ordinal));

    /// <summary>Sets a field's value; a value of another kind than the field's is a programming error and throws.</summary>
    public void SetValue(int ordinal, string field, FieldValue value) => Write(() =>
    {
        _universe.Add(ordinal);
        ColumnFor(field).Assign(ordinal, value);
    });

    public void ClearValue(int ordinal, string field) => Write(() => _columns.GetValueOrDefault(field)?.Clear(ordinal));

    /// <summary>A customer merged into another or erased: out of every bitmap. The ordinal is not reused (ADR 13).</summary>
    public void Remove(int ordinal) => Write(() => RemoveUnlocked(ordinal));

    /// <summary>Every bitmap by a stable name, for tests that compare two indexes and for measuring memory.</summary>
    public IReadOnlyList<(string Name, Roaring32Bitmap Bitmap)> Bitmaps() => Read(AllBitmaps);

    /// <summary>The bytes the bitmaps' containers hold (CRoaring's own accounting; the .NET side is a few objects).</summary>
    public ulong BitmapBytes() => Read(() => AllBitmaps().Aggregate(0UL, (sum, b) =>
    {
        var statistics = b.Bitmap.GetStatistics();
        return sum + statistics.ArrayContainerBytes + statistics.RunContainerBytes + statistics.BitsetContainerBytes;
    }));

    Roaring32Bitmap IndexBitmaps.Universe => _universe.Bitmap;
    IndexedBitmap? IndexBitmaps.Tag(Guid tagId) => _tags.GetValueOrDefault(tagId);
    Column? IndexBitmaps.Column(string field) => _columns.GetValueOrDefault(field);

    /// <summary>On by default; off to measure (or test) the range walk itself.</summary>
    public bool KeepsRanges { get; set; } = true;

    private static Segment Scoped(Segment segment, Segment? scope) => scope switch
    {
        null => segment,
        _ when segment is And and => new And(new ValueList<Segment>(and.Terms.Append(scope))),
        _ => new And(segment, scope),
    };

    private List<(string Name, Roaring32Bitmap Bitmap)> AllBitmaps() =>
        _columns.Values.SelectMany(c => c.Bitmaps())
            .Concat(_tags.Select(t => ($"tag {t.Key}", t.Value.Bitmap)))
            .Prepend(("customers", _universe.Bitmap)).ToList();

    private void RemoveUnlocked(int ordinal)
    {
        _universe.Remove(ordinal);
        foreach (var tag in _tags.Values) tag.Remove(ordinal);
        foreach (var column in _columns.Values) column.Clear(ordinal);
    }

    private IndexedBitmap TagBitmap(Guid tag)
    {
        if (!_tags.TryGetValue(tag, out var bitmap)) _tags[tag] = bitmap = new IndexedBitmap();
        return bitmap;
    }

    private Column ColumnFor(string field)
    {
        if (!_columns.TryGetValue(field, out var column)) _columns[field] = column = Column.For(Catalog.Get(field));
        return column;
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try { return read(); }
        finally { _lock.ExitReadLock(); }
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try { write(); }
        finally { _lock.ExitWriteLock(); }
    }

    public void Dispose()
    {
        _universe.Dispose();
        foreach (var tag in _tags.Values) tag.Dispose();
        foreach (var column in _columns.Values) column.Dispose();
        _lock.Dispose();
    }
}
