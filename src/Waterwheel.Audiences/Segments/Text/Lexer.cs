using System.Text;

namespace Waterwheel.Audiences.Segments.Text;

/// <summary>Cuts the text form into tokens: words, "strings", numbers, ISO dates (2026-01-31), parentheses, commas, comparisons.</summary>
internal static class Lexer
{
    public static SegmentResult<List<Token>> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            var start = i;
            var c = text[i];
            if (c == '"')
            {
                var read = ReadString(text, ref i);
                if (!read.IsSuccess) return read.Error!;
                tokens.Add(new Token(TokenKind.String, read.Value!, start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                tokens.Add(ReadNumberOrDate(text, ref i));
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i].ToLowerInvariant(), start));
            }
            else
            {
                var (kind, length) = c switch
                {
                    '(' => (TokenKind.LeftParen, 1),
                    ')' => (TokenKind.RightParen, 1),
                    ',' => (TokenKind.Comma, 1),
                    '=' => (TokenKind.Equal, 1),
                    '>' => Next(text, i) == '=' ? (TokenKind.GreaterOrEqual, 2) : (TokenKind.Greater, 1),
                    '<' => Next(text, i) == '=' ? (TokenKind.LessOrEqual, 2) : (TokenKind.Less, 1),
                    _ => (TokenKind.End, 0),
                };
                if (length == 0)
                    return new SegmentError("segment_syntax", $"Unexpected character '{c}'.", start);
                i += length;
                tokens.Add(new Token(kind, text.Substring(start, length), start));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static SegmentResult<string> ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] is not ('"' or '\\'))
                    return new SegmentError("segment_syntax", "In a string, \\ escapes only \" and \\.", i);
                i++;
            }
            value.Append(text[i++]);
        }
        if (i == text.Length) return new SegmentError("segment_syntax", "The string is not closed: expected '\"'.", start);
        i++;
        return value.ToString();
    }

    private static Token ReadNumberOrDate(string text, ref int i)
    {
        var start = i;
        if (text[i] == '-') i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' || text[i] == '-')) i++;
        var word = text[start..i];
        var isDate = word.Length == 10 && word[4] == '-' && word[7] == '-';
        return new Token(isDate ? TokenKind.Date : TokenKind.Number, word, start);
    }
}
