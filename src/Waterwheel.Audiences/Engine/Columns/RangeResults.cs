using System.Collections.Concurrent;
using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>
/// The whole result of the few ranges of one column asked most recently ("last order within 90 days", "spent over
/// ¥300"), kept exact change by change, so that a count over a range is one AndCount instead of a walk over every slice.
/// An operator building a segment asks the same ranges click after click; the walk is most of what a count costs.
/// </summary>
/// <remarks>
/// Read under the index's read lock by any number of counts: a count that misses may add a result (a lost race disposes
/// its copy). Changed, and trimmed, only under the write lock, when no count is reading. A day's turn makes new keys
/// ("within 90 days" moves), and the old ones age out at the next change.
/// </remarks>
internal sealed class RangeResults : IDisposable
{
    public const int Capacity = 6;

    private readonly ConcurrentDictionary<(long? Min, long? Max), Entry> _entries = new();
    private long _clock;

    public int Count => _entries.Count;

    /// <summary>The kept result of the range, or null. The index owns it: the caller borrows it for the count.</summary>
    public Roaring32Bitmap? Find(long? min, long? max)
    {
        if (!_entries.TryGetValue((min, max), out var entry)) return null;
        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry.Members;
    }

    public bool HasRoom => _entries.Count < Capacity;

    /// <summary>Keeps a freshly computed result (the caller hands it over), or the one a concurrent count kept first.</summary>
    public Roaring32Bitmap Keep(long? min, long? max, Roaring32Bitmap computed)
    {
        var entry = new Entry(computed) { LastUsed = Interlocked.Increment(ref _clock) };
        if (_entries.TryAdd((min, max), entry)) return computed;
        computed.Dispose();
        return _entries[(min, max)].Members;
    }

    /// <summary>Under the write lock: the customer now holds this stored value.</summary>
    public void Assign(int ordinal, long stored)
    {
        Trim();
        foreach (var ((min, max), entry) in _entries)
            if ((min is null || stored >= min) && (max is null || stored <= max)) entry.Members.Add((uint)ordinal);
            else entry.Members.Remove((uint)ordinal);
    }

    /// <summary>Under the write lock: the customer holds no value any more.</summary>
    public void Clear(int ordinal)
    {
        Trim();
        foreach (var entry in _entries.Values) entry.Members.Remove((uint)ordinal);
    }

    /// <summary>A full cache loses its least recently used half, so that new ranges (a new day's) find room.</summary>
    private void Trim()
    {
        if (_entries.Count < Capacity) return;
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(Capacity / 2).ToList())
            if (_entries.TryRemove(key, out _)) entry.Members.Dispose();
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values) entry.Members.Dispose();
        _entries.Clear();
    }

    private sealed class Entry(Roaring32Bitmap members)
    {
        public Roaring32Bitmap Members { get; } = members;
        public long LastUsed { get; set; }
    }
}
