using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Evaluation;

/// <summary>
/// The terms of an 'and', folded as they come: the intersection so far (the found set the next term may evaluate
/// within), negated terms subtracted rather than complemented, and the latest term kept apart so that a count finishes
/// with one AndCount or AndNotCount instead of building the last intersection.
/// </summary>
internal sealed class Conjunction : IDisposable
{
    private Operand? _found;
    private Operand? _latest;
    private readonly List<Operand> _negatedBeforeAnyPositive = [];

    /// <summary>Every term so far, intersected: the result is a subset of it. Null while only negated terms came.</summary>
    public Roaring32Bitmap? FoundSet
    {
        get
        {
            Fold();
            return _found?.Bitmap;
        }
    }

    public void Add(Operand term)
    {
        Fold();
        _latest = term;
    }

    public ulong Count(Roaring32Bitmap universe)
    {
        if (_latest is not { } last) return _found?.Bitmap.Count ?? 0;
        if (_found is { Bitmap: var found }) return last.Negated ? found.AndNotCount(last.Bitmap) : found.AndCount(last.Bitmap);
        if (_negatedBeforeAnyPositive.Count == 0) return last.Negated ? universe.Count - universe.AndCount(last.Bitmap) : last.Bitmap.Count;
        using var excluded = Union(_negatedBeforeAnyPositive);
        if (!last.Negated) return last.Bitmap.AndNotCount(excluded);
        excluded.IOr(last.Bitmap);
        return universe.Count - universe.AndCount(excluded);
    }

    public Operand ToOperand()
    {
        Fold();
        if (_found is { } found)
        {
            _found = null;
            return found;
        }
        return new Operand(Union(_negatedBeforeAnyPositive), owned: true, negated: true);
    }

    private void Fold()
    {
        if (_latest is not { } term) return;
        _latest = null;
        if (_found is null)
        {
            if (term.Negated) { _negatedBeforeAnyPositive.Add(term); return; }
            _found = term;
            foreach (var negated in _negatedBeforeAnyPositive) Combine(negated);
            _negatedBeforeAnyPositive.Clear();
            return;
        }
        Combine(term);
    }

    // A borrowed found set (the index's own bitmap) is never changed: the first combination makes a new one, which
    // saves copying it first.
    private void Combine(Operand term)
    {
        var found = _found!.Value;
        if (found.Owned)
        {
            if (term.Negated) found.Bitmap.IAndNot(term.Bitmap);
            else found.Bitmap.IAnd(term.Bitmap);
        }
        else _found = Operand.Own(term.Negated ? found.Bitmap.AndNot(term.Bitmap) : found.Bitmap.And(term.Bitmap));
        term.Dispose();
    }

    private static Roaring32Bitmap Union(List<Operand> terms) =>
        terms.Count == 1 ? terms[0].Bitmap.Clone() : terms[0].Bitmap.OrMany(terms.Skip(1).Select(t => (Roaring32BitmapBase)t.Bitmap).ToArray());

    public void Dispose()
    {
        _found?.Dispose();
        _latest?.Dispose();
        foreach (var negated in _negatedBeforeAnyPositive) negated.Dispose();
    }
}
