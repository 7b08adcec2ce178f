namespace Waterwheel.Platform.Api;

/// <summary>Either a value or an <see cref="Error"/>; failures are not exceptions.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
