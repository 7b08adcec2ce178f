namespace Waterwheel.WeCom.Client;

/// <summary>Either a WeCom response or a <see cref="WeComError"/>; a failed call is an expected outcome, not an exception.</summary>
public readonly struct WeComResult<T>
{
    private WeComResult(T? value, WeComError? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public WeComError? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator WeComResult<T>(T value) => new(value, null);
    public static implicit operator WeComResult<T>(WeComError error) => new(default, error);

    public WeComResult<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value!) : Error!;
}
