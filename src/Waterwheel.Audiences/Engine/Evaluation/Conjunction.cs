using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Evaluation;

/// <summary>
/// The terms of an 'and', gathered: the intersection of the positive terms so far, the latest positive term kept apart
/// (so a count can finish with one AndCount instead of building the last intersection), and the negated terms, which
/// are subtracted rather than complemented.
/// </summary>
internal sealed class Conjunction : IDisposable
{
    private Roaring32Bitmap? _intersection;
    private Operand? _latest;
    private readonly List<Operand> _negated = [];

    /// <summary>What the terms so far leave, as a hint for the next term: a superset of the final answer.</summary>
    public Roaring32Bitmap? FoundSet => _intersection ?? _latest?.Bitmap;

    public void Add(Operand term)
    {
        if (term.Negated) { _negated.Add(term); return; }
        if (_latest is { } previous)
        {
            if (_intersection is null) _intersection = previous.TakeMutable();
            else { _intersection.IAnd(previous.Bitmap); previous.Dispose(); }
        }
        _latest = term;
    }

    public ulong Count(Roaring32Bitmap universe)
    {
        if (_latest is not { } latest)
        {
            // Only negated terms: everyone but their union.
            using var excluded = Union(_negated);
            return universe.Count - universe.AndCount(excluded);
        }
        if (_negated.Count == 0)
            return _intersection is null ? latest.Bitmap.AndCount(universe) : _intersection.AndCount(latest.Bitmap);
        using var positive = Intersection(latest);
        for (var i = 0; i < _negated.Count - 1; i++) positive.IAndNot(_negated[i].Bitmap);
        return positive.AndNotCount(_negated[^1].Bitmap);
    }

    public Operand ToOperand()
    {
        if (_latest is not { } latest) return new Operand(Union(_negated), owned: true, negated: true);
        var result = Intersection(latest);
        foreach (var negated in _negated) result.IAndNot(negated.Bitmap);
        return Operand.Own(result);
    }

    private Roaring32Bitmap Intersection(Operand latest)
    {
        if (_intersection is null) return latest.Bitmap.Clone();
        var result = _intersection.And(latest.Bitmap);
        return result;
    }

    private static Roaring32Bitmap Union(List<Operand> terms) =>
        terms.Count == 1 ? terms[0].Bitmap.Clone() : terms[0].Bitmap.OrMany(terms.Skip(1).Select(t => (Roaring32BitmapBase)t.Bitmap).ToArray());

    public void Dispose()
    {
        _intersection?.Dispose();
        _latest?.Dispose();
        foreach (var negated in _negated) negated.Dispose();
    }
}
