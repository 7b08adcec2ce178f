using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>
/// One bitmap of the index, with a write buffer for the rebuild: appending ordinals a few thousand at a time through
/// AddMany costs one native call per batch instead of one per customer, which is most of a 10M rebuild's time.
/// </summary>
internal sealed class IndexedBitmap : IDisposable
{
    private const int BatchSize = 4096;
    private uint[]? _pending;
    private int _pendingCount;

    public Roaring32Bitmap Bitmap { get; private set; } = new();

    public void Append(int ordinal)
    {
        _pending ??= new uint[BatchSize];
        _pending[_pendingCount++] = (uint)ordinal;
        if (_pendingCount == BatchSize) Flush();
    }

    /// <summary>Writes what the rebuild buffered, compresses runs and lets the buffer go.</summary>
    public void Seal()
    {
        Flush();
        _pending = null;
        Bitmap.Optimize();
        Bitmap.ShrinkToFit();
    }

    public void Add(int ordinal) => Bitmap.Add((uint)ordinal);

    public void Remove(int ordinal) => Bitmap.Remove((uint)ordinal);

    public bool Contains(int ordinal) => Bitmap.Contains((uint)ordinal);

    /// <summary>Replaces the contents, as a whole bitmap read back in the portable format does.</summary>
    public void Replace(Roaring32Bitmap bitmap)
    {
        Bitmap.Dispose();
        Bitmap = bitmap;
    }

    private void Flush()
    {
        if (_pendingCount == 0) return;
        Bitmap.AddMany(_pending.AsSpan(0, _pendingCount));
        _pendingCount = 0;
    }

    public void Dispose() => Bitmap.Dispose();
}
