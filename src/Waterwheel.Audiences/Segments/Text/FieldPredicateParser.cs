using System.Globalization;

namespace Waterwheel.Audiences.Segments.Text;

/// <summary>What follows a field's name: in (…), between … and …, a comparison, within/older than … days, is (not) set, = true/false.</summary>
internal sealed class FieldPredicateParser(SegmentParser parser, FieldDefinition field)
{
    public Segment? Parse()
    {
        var op = parser.Current;
        if (parser.TakeWord("is"))
        {
            if (parser.TakeWord("not")) return parser.ExpectWord("set") ? new IsNotSet(field.Name) : null;
            return parser.ExpectWord("set") ? new IsSet(field.Name) : null;
        }
        if (parser.TakeWord("in")) return Require(FieldKind.Enum, op, "'in'") ? ParseIn() : null;
        if (parser.TakeWord("within"))
            return Require(FieldKind.Date, op, "'within … days'") && Days() is { } within ? new WithinDays(field.Name, within) : null;
        if (parser.TakeWord("older"))
            return Require(FieldKind.Date, op, "'older than … days'") && parser.ExpectWord("than") && Days() is { } older
                ? new OlderThanDays(field.Name, older) : null;
        if (parser.TakeWord("between"))
        {
            if (!RequireOrdered(op, "'between'") || Value() is not { } low || !parser.ExpectWord("and") || Value() is not { } high) return null;
            return Range(low, high);
        }
        var comparison = parser.Current.Kind;
        if (comparison is TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.Less or TokenKind.LessOrEqual)
        {
            parser.Advance();
            if (!RequireOrdered(op, $"'{op.Text}'") || Value() is not { } bound) return null;
            return comparison switch
            {
                TokenKind.GreaterOrEqual => Range(bound, null),
                TokenKind.LessOrEqual => Range(null, bound),
                TokenKind.Greater => Step(bound, +1, op) is { } above ? Range(above, null) : null,
                _ => Step(bound, -1, op) is { } below ? Range(null, below) : null,
            };
        }
        if (parser.TakeIf(TokenKind.Equal) is not null) return ParseEquals();
        return parser.Fail(SegmentParser.Expected($"an operator for '{field.Name}' ({SegmentValidator.Describe(field.Kind)})", op));
    }

    private Segment? ParseEquals()
    {
        if (field.Kind == FieldKind.Bool)
        {
            if (parser.TakeWord("true")) return new Is(field.Name, true);
            if (parser.TakeWord("false")) return new Is(field.Name, false);
            return parser.Fail(SegmentParser.Expected("true or false", parser.Current));
        }
        if (field.Kind == FieldKind.Enum) return Text() is { } text ? new In(field.Name, text) : null;
        return Value() is { } value ? Range(value, value) : null;
    }

    private Segment? ParseIn()
    {
        if (!parser.Expect(TokenKind.LeftParen, "'('")) return null;
        var values = new List<string>();
        do
        {
            if (Text() is not { } value) return null;
            values.Add(value);
            if (values.Count > SegmentLimits.MaxValuesPerIn)
                return parser.Fail(new SegmentError("segment_too_large", $"'in' takes at most {SegmentLimits.MaxValuesPerIn:N0} values.", parser.Current.Position));
        } while (parser.TakeIf(TokenKind.Comma) is not null);
        return parser.Expect(TokenKind.RightParen, "',' or ')'") ? new In(field.Name, values.ToArray()) : null;
    }

    private string? Text()
    {
        var token = parser.Current;
        if (token.Kind != TokenKind.String)
            return WrongValue<string>(token, "text in quotes");
        parser.Advance();
        if (SegmentValidator.Text(token.Text) is { } error) return Fail<string>(error with { Position = token.Position });
        return token.Text;
    }

    private int? Days()
    {
        var token = parser.Current;
        if (token.Kind != TokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, SegmentParser.Invariant, out var days))
        {
            parser.Fail(SegmentParser.Expected("a whole number of days", token));
            return null;
        }
        parser.Advance();
        if (SegmentValidator.Days(days) is { } error) { Fail(error with { Position = token.Position }); return null; }
        return parser.ExpectWord("days") ? days : null;
    }

    /// <summary>A number for a number field, a date for a date field; as an object because the two are told apart by the field.</summary>
    private object? Value()
    {
        var token = parser.Current;
        if (field.Kind == FieldKind.Number)
        {
            if (token.Kind != TokenKind.Number || !decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, SegmentParser.Invariant, out var number))
                return WrongValue<object>(token, "a number");
            parser.Advance();
            if (!field.FitsScale(number))
                return Fail(new SegmentError("segment_value_type", field.Scale == 0
                    ? $"'{field.Name}' takes whole numbers." : $"'{field.Name}' takes at most {field.Scale} decimals.", token.Position));
            return number;
        }
        if (token.Kind != TokenKind.Date || !DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", SegmentParser.Invariant, DateTimeStyles.None, out var date))
            return WrongValue<object>(token, "a date as 2026-01-31");
        parser.Advance();
        return date;
    }

    private object? Step(object bound, int direction, Token op) => bound switch
    {
        decimal number => number + direction * field.Step,
        DateOnly date when (direction > 0 ? date < DateOnly.MaxValue : date > DateOnly.MinValue) => date.AddDays(direction),
        _ => Fail(new SegmentError("segment_empty_range", $"Nothing is {op.Text} that date.", op.Position)),
    };

    private Segment Range(object? min, object? max) => field.Kind == FieldKind.Number
        ? new NumberRange(field.Name, (decimal?)min, (decimal?)max)
        : new DateRange(field.Name, (DateOnly?)min, (DateOnly?)max);

    private bool Require(FieldKind kind, Token op, string what)
    {
        if (field.Kind == kind) return true;
        Fail(SegmentValidator.WrongKind(field, what) with { Position = op.Position });
        return false;
    }

    private bool RequireOrdered(Token op, string what)
    {
        if (field.Kind is FieldKind.Number or FieldKind.Date) return true;
        Fail(SegmentValidator.WrongKind(field, what) with { Position = op.Position });
        return false;
    }

    private T? WrongValue<T>(Token token, string expected)
    {
        Fail(new SegmentError("segment_value_type", $"'{field.Name}' takes {expected}, found {token.Describe()}.", token.Position));
        return default;
    }

    private T? Fail<T>(SegmentError error)
    {
        parser.Fail(error);
        return default;
    }

    private object? Fail(SegmentError error) => Fail<object>(error);
}
