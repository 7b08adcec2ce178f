using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Engine.Columns;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine.Evaluation;

/// <summary>
/// Evaluates a segment over the index's bitmaps. Each term may be given a found set (<c>within</c>): its result then
/// only has to be right inside it, which lets a range term walk its slices over a conjunction's survivors instead of
/// every customer. Negations stay symbolic (<see cref="Operand.Negated"/>) until an 'and' subtracts them.
/// </summary>
internal sealed class IndexEvaluator(IndexBitmaps index, DateOnly today)
{
    private static readonly Roaring32Bitmap Empty = new();

    public ulong Count(Segment segment)
    {
        var universe = index.Universe;
        switch (segment)
        {
            case And and:
                using (var conjunction = Gather(and.Terms, null)) return conjunction.Count(universe);
            case Or { Terms.Count: 2 } either:
                using (var first = Evaluate(either.Terms[0], null))
                using (var second = Evaluate(either.Terms[1], null))
                    if (!first.Negated && !second.Negated) return first.Bitmap.OrCount(second.Bitmap);
                break;
        }
        using var operand = Evaluate(segment, null);
        return operand.Negated ? universe.Count - universe.AndCount(operand.Bitmap) : operand.Bitmap.Count;
    }

    public Roaring32Bitmap Materialise(Segment segment)
    {
        var operand = Evaluate(segment, null);
        if (!operand.Negated) return operand.TakeMutable();
        using (operand) return index.Universe.AndNot(operand.Bitmap);
    }

    private Operand Evaluate(Segment segment, Roaring32Bitmap? within)
    {
        switch (segment)
        {
            case And and:
                using (var conjunction = Gather(and.Terms, within)) return conjunction.ToOperand();
            case Or or:
                return Union(or.Terms, within);
            case Not not:
                return Evaluate(not.Term, within).Negate();
            case HasTag tag:
                return Operand.Borrow(index.Tag(tag.TagId)?.Bitmap ?? Empty);
            case In @in:
                return Values(@in);
            case NumberRange range:
                return Range(range.Field, range.Min is { } min ? FieldScaling.Scaled(Field(range.Field), min) : null,
                    range.Max is { } max ? FieldScaling.Scaled(Field(range.Field), max) : null, within);
            case DateRange range:
                return Range(range.Field, range.Min is { } from ? FieldScaling.Day(from) : null, range.Max is { } to ? FieldScaling.Day(to) : null, within);
            case WithinDays recent:
                return Range(recent.Field, FieldScaling.Day(today) - recent.Days, FieldScaling.Day(today), within);
            case OlderThanDays older:
                return Range(older.Field, null, FieldScaling.Day(today) - older.Days - 1, within);
            case IsSet set:
                return Operand.Borrow(index.Column(set.Field)?.HasValue.Bitmap ?? Empty);
            case IsNotSet notSet:
                return Operand.Borrow(index.Column(notSet.Field)?.HasValue.Bitmap ?? Empty).Negate();
            case Is @is:
                var column = index.Column(@is.Field) as BoolColumn;
                return Operand.Borrow((@is.Value ? column?.True : column?.False)?.Bitmap ?? Empty);
            default:
                throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node.");
        }
    }

    private Conjunction Gather(IEnumerable<Segment> terms, Roaring32Bitmap? within)
    {
        var conjunction = new Conjunction();
        // The index's own bitmaps cost nothing to fetch: smallest positive first, so each intersection is as small as
        // it can be, then the subtractions; terms that compute (unions, range walks) come after, inside the found set.
        var byCost = terms.ToLookup(Cost);
        var free = byCost[0].Concat(byCost[1]).Select(t => Evaluate(t, within))
            .OrderBy(o => o.Negated).ThenBy(o => o.Negated ? 0 : o.Bitmap.Count).ToList();
        foreach (var operand in free) conjunction.Add(operand);
        foreach (var term in byCost[2].Concat(byCost[3]))
            conjunction.Add(Evaluate(term, conjunction.FoundSet ?? within));
        return conjunction;
    }

    /// <summary>Bitmaps the index holds come first (free), range walks last (they shrink with the found set).</summary>
    private static int Cost(Segment term) => term switch
    {
        HasTag or In or Is or IsSet or IsNotSet => 0,
        Not { Term: HasTag or In or Is or IsSet or IsNotSet } => 1,
        NumberRange or DateRange or WithinDays or OlderThanDays => 3,
        _ => 2,
    };

    private Operand Union(IEnumerable<Segment> terms, Roaring32Bitmap? within)
    {
        var operands = terms.Select(t => Evaluate(t, within)).ToList();
        try
        {
            var positive = operands.Where(o => !o.Negated).Select(o => o.Bitmap).ToList();
            var negated = operands.Where(o => o.Negated).Select(o => o.Bitmap).ToList();
            if (negated.Count == 0) return Operand.Own(OrAll(positive));
            // a ∪ ¬b ∪ ¬c = ¬((b ∩ c) − a)
            var excluded = negated[0].Clone();
            foreach (var bitmap in negated.Skip(1)) excluded.IAnd(bitmap);
            foreach (var bitmap in positive) excluded.IAndNot(bitmap);
            return new Operand(excluded, owned: true, negated: true);
        }
        finally
        {
            foreach (var operand in operands) operand.Dispose();
        }
    }

    private Operand Values(In @in)
    {
        if (index.Column(@in.Field) is not EnumColumn column) return Operand.Borrow(Empty);
        var bitmaps = @in.Values.Distinct().Select(v => column.Value(v)?.Bitmap).OfType<Roaring32Bitmap>().ToList();
        return bitmaps.Count switch
        {
            0 => Operand.Borrow(Empty),
            1 => Operand.Borrow(bitmaps[0]),
            _ => Operand.Own(OrAll(bitmaps)),
        };
    }

    private Operand Range(string field, long? min, long? max, Roaring32Bitmap? within)
    {
        if (index.Column(field) is not RangeColumn column) return Operand.Borrow(Empty);
        var (members, kept) = column.Range(min, max, within, index.KeepsRanges);
        return kept ? Operand.Borrow(members) : Operand.Own(members);
    }

    private FieldDefinition Field(string name) => index.Column(name)?.Field ?? new FieldDefinition(name, FieldKind.Number, name);

    private static Roaring32Bitmap OrAll(List<Roaring32Bitmap> bitmaps) =>
        bitmaps.Count == 1 ? bitmaps[0].Clone() : bitmaps[0].OrMany(bitmaps.Skip(1).Select(b => (Roaring32BitmapBase)b).ToArray());
}
