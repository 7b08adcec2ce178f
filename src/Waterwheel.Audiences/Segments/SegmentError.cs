using Waterwheel.Platform.Api;

namespace Waterwheel.Audiences.Segments;

/// <summary>
/// Why a segment was refused, as a value: a stable code, a message an operator can act on and, for the text form,
/// the character position (0-based) the console underlines; for the JSON form, the path of the bad node.
/// </summary>
internal sealed record SegmentError(string Code, string Message, int? Position = null, string? Path = null)
{
    /// <summary>The Platform's error, for the one place that maps errors to HTTP.</summary>
    public Error ToError(string field = "expression") =>
        new(ErrorKind.Validation, Code, Message, new Dictionary<string, string[]> { [field] = [Message] });

    public override string ToString() => Position is { } p ? $"{Code} at {p}: {Message}" : $"{Code}: {Message}";
}

/// <summary>Either a value or a <see cref="SegmentError"/>, as the Platform's Result is for handlers.</summary>
internal readonly struct SegmentResult<T>
{
    private SegmentResult(T? value, SegmentError? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public SegmentError? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator SegmentResult<T>(T value) => new(value, null);
    public static implicit operator SegmentResult<T>(SegmentError error) => new(default, error);
}
