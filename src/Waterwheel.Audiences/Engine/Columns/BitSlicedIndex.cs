using System.Numerics;
using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Columns;

/// <summary>
/// Non-negative whole numbers of many customers as one bitmap per binary digit (a bit-sliced index, O'Neil and Quass
/// 1997): slice i holds the customers whose value has bit i set. A range is then computed from about two bitmap
/// operations per slice, whatever the number of distinct values, instead of a union of one bitmap per value.
/// </summary>
internal sealed class BitSlicedIndex : IDisposable
{
    private readonly List<IndexedBitmap> _slices = [];

    /// <summary>At least the largest value held (it only grows between rebuilds), so a bound above it is no bound.</summary>
    private ulong _ceiling;

    /// <summary>Customers with a value in this index.</summary>
    public IndexedBitmap Exists { get; } = new();

    public IReadOnlyList<IndexedBitmap> Slices => _slices;

    public void Append(int ordinal, ulong value)
    {
        Exists.Append(ordinal);
        Grow(value);
        for (var bits = value; bits != 0; bits &= bits - 1) _slices[BitOperations.TrailingZeroCount(bits)].Append(ordinal);
    }

    public void Set(int ordinal, ulong value)
    {
        Exists.Add(ordinal);
        Grow(value);
        for (var i = 0; i < _slices.Count; i++)
            if ((value >> i & 1) == 1) _slices[i].Add(ordinal);
            else _slices[i].Remove(ordinal);
    }

    public void Remove(int ordinal)
    {
        Exists.Remove(ordinal);
        foreach (var slice in _slices) slice.Remove(ordinal);
    }

    public void Seal()
    {
        Exists.Seal();
        foreach (var slice in _slices) slice.Seal();
    }

    /// <summary>
    /// The customers whose value is between the bounds (inclusive; null is open), among <paramref name="within"/> when
    /// given: starting from a small found set makes every slice operation small, which is why a conjunction evaluates
    /// its range terms last.
    /// </summary>
    public Roaring32Bitmap Between(ulong? min, ulong? max, Roaring32Bitmap? within)
    {
        var candidates = within is null ? Exists.Bitmap.Clone() : Exists.Bitmap.And(within);
        if (min is > 0) candidates = AtLeast(candidates, min.Value);
        if (max is { } upper && upper < _ceiling) candidates = AtMost(candidates, upper);
        return candidates;
    }

    // Walks the slices from the highest bit keeping 'equal so far'; a 0 in the constant where the value has a 1 means greater.
    // Both walks take the candidates over as 'equal so far'. The unions into the result are lazy (CRoaring skips
    // recounting bitset containers until the repair at the end), which is most of a walk's cost at millions of customers.
    private Roaring32Bitmap AtLeast(Roaring32Bitmap candidates, ulong constant)
    {
        if (64 - BitOperations.LeadingZeroCount(constant) > _slices.Count) return Replace(candidates, new Roaring32Bitmap());
        var greater = new Roaring32Bitmap();
        var equal = candidates;
        var everyone = Exists.Bitmap.Count;
        for (var i = _slices.Count - 1; i >= 0 && !equal.IsEmpty; i--)
        {
            var slice = _slices[i].Bitmap;
            var bit = (constant >> i & 1) == 1;
            // A slice nobody or everybody has (the high bits of dates) decides without touching the candidates.
            var held = slice.Count;
            if (held == 0 && !bit || held == everyone && bit) continue;
            if (held == 0 && bit) { equal.Clear(); break; }
            if (held == everyone) { greater.ILazyOr(equal, false); equal.Clear(); break; }
            if (bit) equal.IAnd(slice);
            else
            {
                using var above = equal.And(slice);
                greater.ILazyOr(above, false);
                equal.IAndNot(slice);
            }
        }
        greater.ILazyOr(equal, false);
        greater.RepairAfterLazy();
        equal.Dispose();
        return greater;
    }

    private Roaring32Bitmap AtMost(Roaring32Bitmap candidates, ulong constant)
    {
        if (64 - BitOperations.LeadingZeroCount(constant) > _slices.Count) return candidates;
        var less = new Roaring32Bitmap();
        var equal = candidates;
        var everyone = Exists.Bitmap.Count;
        for (var i = _slices.Count - 1; i >= 0 && !equal.IsEmpty; i--)
        {
            var slice = _slices[i].Bitmap;
            var bit = (constant >> i & 1) == 1;
            var held = slice.Count;
            if (held == 0 && !bit || held == everyone && bit) continue;
            if (held == 0) { less.ILazyOr(equal, false); equal.Clear(); break; }
            if (held == everyone) { equal.Clear(); break; }
            if (bit)
            {
                using var below = equal.AndNot(slice);
                less.ILazyOr(below, false);
                equal.IAnd(slice);
            }
            else equal.IAndNot(slice);
        }
        less.ILazyOr(equal, false);
        less.RepairAfterLazy();
        equal.Dispose();
        return less;
    }

    private static Roaring32Bitmap Replace(Roaring32Bitmap old, Roaring32Bitmap next)
    {
        old.Dispose();
        return next;
    }

    private void Grow(ulong value)
    {
        _ceiling = Math.Max(_ceiling, value);
        var bits = 64 - BitOperations.LeadingZeroCount(value);
        while (_slices.Count < bits) _slices.Add(new IndexedBitmap());
    }

    public void Dispose()
    {
        Exists.Dispose();
        foreach (var slice in _slices) slice.Dispose();
    }
}
