namespace Waterwheel.Audiences.Segments.Text;

internal enum TokenKind { Word, String, Number, Date, LeftParen, RightParen, Comma, Greater, GreaterOrEqual, Less, LessOrEqual, Equal, End }

/// <summary>One token of the text form; <see cref="Text"/> is a word lower-cased, a string unquoted and unescaped.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end",
        TokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
