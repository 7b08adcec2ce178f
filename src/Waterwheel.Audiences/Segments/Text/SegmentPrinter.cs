using System.Globalization;
using System.Text;

namespace Waterwheel.Audiences.Segments.Text;

/// <summary>
/// Writes the text form canonically: one spelling per tree (lower-case words, single spaces, parentheses only where
/// precedence needs them, numbers without trailing zeros, inclusive bounds as &gt;=, &lt;= or between), so that
/// reading it back gives the same tree and printing that gives the same text.
/// </summary>
internal static class SegmentPrinter
{
    public static string Print(Segment segment, ITagLookup tags)
    {
        var text = new StringBuilder();
        Write(segment, tags, text);
        return text.ToString();
    }

    private static void Write(Segment segment, ITagLookup tags, StringBuilder text)
    {
        switch (segment)
        {
            case And and:
                Join(and.Terms, " and ", t => t is And or Or, tags, text);
                break;
            case Or or:
                Join(or.Terms, " or ", t => t is Or, tags, text);
                break;
            case Not not:
                text.Append("not ");
                Term(not.Term, not.Term is And or Or, tags, text);
                break;
            case HasTag tag:
                if (tags.TryGetName(tag.TagId, out var name)) text.Append("tag ").Append(Quote(name));
                else text.Append("tag id ").Append(Quote(tag.TagId.ToString()));
                break;
            case In @in:
                text.Append(@in.Field).Append(" in (").AppendJoin(", ", @in.Values.Select(Quote)).Append(')');
                break;
            case NumberRange range:
                Bounds(range.Field, Number(range.Min), Number(range.Max), text);
                break;
            case DateRange range:
                Bounds(range.Field, Date(range.Min), Date(range.Max), text);
                break;
            case WithinDays within:
                text.Append(within.Field).Append(" within ").Append(within.Days.ToString(CultureInfo.InvariantCulture)).Append(" days");
                break;
            case OlderThanDays older:
                text.Append(older.Field).Append(" older than ").Append(older.Days.ToString(CultureInfo.InvariantCulture)).Append(" days");
                break;
            case IsSet set:
                text.Append(set.Field).Append(" is set");
                break;
            case IsNotSet notSet:
                text.Append(notSet.Field).Append(" is not set");
                break;
            case Is @is:
                text.Append(@is.Field).Append(@is.Value ? " = true" : " = false");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node.");
        }
    }

    private static void Join(IEnumerable<Segment> terms, string separator, Func<Segment, bool> needsParentheses, ITagLookup tags, StringBuilder text)
    {
        var first = true;
        foreach (var term in terms)
        {
            if (!first) text.Append(separator);
            first = false;
            Term(term, needsParentheses(term), tags, text);
        }
    }

    private static void Term(Segment term, bool parenthesise, ITagLookup tags, StringBuilder text)
    {
        if (parenthesise) text.Append('(');
        Write(term, tags, text);
        if (parenthesise) text.Append(')');
    }

    private static void Bounds(string field, string? min, string? max, StringBuilder text)
    {
        text.Append(field);
        if (min is not null && max is not null) text.Append(" between ").Append(min).Append(" and ").Append(max);
        else if (min is not null) text.Append(" >= ").Append(min);
        else text.Append(" <= ").Append(max);
    }

    public static string? Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
