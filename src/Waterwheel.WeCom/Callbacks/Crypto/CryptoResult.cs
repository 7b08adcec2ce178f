namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>Either a value or an official crypto error code; a forged callback is expected input, not an exception.</summary>
public readonly record struct CryptoResult<T>
{
    private CryptoResult(T? value, CryptoErrorCode? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public CryptoErrorCode? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator CryptoResult<T>(T value) => new(value, null);
    public static implicit operator CryptoResult<T>(CryptoErrorCode error) => new(default, error);
}
