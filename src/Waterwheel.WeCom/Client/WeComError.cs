namespace Waterwheel.WeCom.Client;

/// <summary>
/// A failed WeCom call as a value. <see cref="Message"/> is written for the operator and names the WeCom setting to
/// fix where there is one; <see cref="ErrMsg"/> is WeCom's own text, kept for support tickets.
/// </summary>
public sealed record WeComError(WeComErrorKind Kind, int? ErrCode, string ErrMsg, string Message, string Api)
{
    public bool IsRetryable => Kind is WeComErrorKind.Retryable or WeComErrorKind.Transport;

    public override string ToString() => $"{Api}: {Message}";
}
