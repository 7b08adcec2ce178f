using System.Globalization;

namespace Waterwheel.Audiences.Segments.Text;

/// <summary>
/// Reads the text form: <c>city in ("杭州", "上海") and last_order_on within 90 days and not tag "已流失" and
/// total_spent &gt; 300</c>. <c>not</c> binds tighter than <c>and</c>, which binds tighter than <c>or</c>; words are
/// case-insensitive. The first problem is returned with its position; nothing is thrown.
/// </summary>
internal sealed class SegmentParser
{
    private readonly List<Token> _tokens;
    private readonly FieldCatalog _catalog;
    private readonly ITagLookup _tags;
    private int _next;
    private SegmentError? _error;

    private SegmentParser(List<Token> tokens, FieldCatalog catalog, ITagLookup tags) => (_tokens, _catalog, _tags) = (tokens, catalog, tags);

    public static SegmentResult<Segment> Parse(string text, FieldCatalog catalog, ITagLookup tags)
    {
        if (text.Length > SegmentLimits.MaxTextLength)
            return new SegmentError("segment_too_large", $"A segment's text is at most {SegmentLimits.MaxTextLength:N0} characters.");
        var tokens = Lexer.Tokens(text);
        if (!tokens.IsSuccess) return tokens.Error!;
        var parser = new SegmentParser(tokens.Value!, catalog, tags);
        var segment = parser.ParseOr(0);
        if (segment is not null && parser.Peek.Kind != TokenKind.End)
            return Expected("'and', 'or' or the end", parser.Peek);
        if (segment is null) return parser._error!;
        return SegmentValidator.Validate(segment, catalog) is { } invalid ? invalid : segment;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private Segment? ParseOr(int nesting)
    {
        var terms = new List<Segment>();
        do
        {
            if (ParseAnd(nesting) is not { } term) return null;
            terms.Add(term);
        } while (TakeWord("or"));
        return terms.Count == 1 ? terms[0] : new Or(terms.ToArray());
    }

    private Segment? ParseAnd(int nesting)
    {
        var terms = new List<Segment>();
        do
        {
            if (ParseUnary(nesting) is not { } term) return null;
            terms.Add(term);
        } while (TakeWord("and"));
        return terms.Count == 1 ? terms[0] : new And(terms.ToArray());
    }

    private Segment? ParseUnary(int nesting)
    {
        // Parentheses and 'not' are the only ways to nest; bounding them bounds the parser's stack.
        if (nesting > SegmentLimits.MaxDepth * 2)
            return Fail(new SegmentError("segment_too_large", $"A segment nests at most {SegmentLimits.MaxDepth} levels deep.", Peek.Position));
        if (TakeWord("not")) return ParseUnary(nesting + 1) is { } term ? new Not(term) : null;
        if (Peek.Kind == TokenKind.LeftParen)
        {
            Take();
            if (ParseOr(nesting + 1) is not { } inner) return null;
            return Expect(TokenKind.RightParen, "')'") ? inner : null;
        }
        if (Peek.IsWord("tag") && _tokens[_next + 1].Kind is TokenKind.String or TokenKind.Word) return ParseTag();
        if (Peek.Kind != TokenKind.Word)
            return Fail(Expected("a field, 'tag', 'not' or '('", Peek));
        var name = Take();
        if (!_catalog.TryGet(name.Text, out var field))
            return Fail(SegmentValidator.UnknownField(name.Text) with { Position = name.Position });
        return new FieldPredicateParser(this, field).Parse();
    }

    private Segment? ParseTag()
    {
        Take();
        if (TakeWord("id"))
        {
            var quoted = Peek;
            if (!Expect(TokenKind.String, "a tag id in quotes")) return null;
            return Guid.TryParse(quoted.Text, out var id) ? new HasTag(id)
                : Fail(new SegmentError("segment_value_type", $"\"{quoted.Text}\" is not a tag id.", quoted.Position));
        }
        var name = Peek;
        if (!Expect(TokenKind.String, "a tag name in quotes")) return null;
        return _tags.TryGetId(name.Text, out var tag) ? new HasTag(tag)
            : Fail(new SegmentError("segment_unknown_tag", $"There is no tag \"{name.Text}\".", name.Position));
    }

    internal bool TakeWord(string word)
    {
        if (!Peek.IsWord(word)) return false;
        _next++;
        return true;
    }

    internal Token? TakeIf(TokenKind kind) => Peek.Kind == kind ? Take() : null;

    internal Token Current => Peek;

    internal Token Advance() => Take();

    internal bool Expect(TokenKind kind, string what)
    {
        if (Peek.Kind == kind) { Take(); return true; }
        Fail(Expected(what, Peek));
        return false;
    }

    internal bool ExpectWord(string word)
    {
        if (TakeWord(word)) return true;
        Fail(Expected($"'{word}'", Peek));
        return false;
    }

    internal Segment? Fail(SegmentError error)
    {
        _error ??= error;
        return null;
    }

    internal static SegmentError Expected(string what, Token found) =>
        new("segment_syntax", $"Expected {what}, found {found.Describe()}.", found.Position);

    internal static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
