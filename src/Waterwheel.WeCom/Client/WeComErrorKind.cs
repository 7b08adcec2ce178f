namespace Waterwheel.WeCom.Client;

/// <summary>What the caller can do about an error; decided by errcode, never by HTTP status (WeCom always answers 200).</summary>
public enum WeComErrorKind
{
    /// <summary>Busy or throttled; the client already backed off and retried before giving up.</summary>
    Retryable,
    /// <summary>Token revoked or expired; the client already refreshed and retried once.</summary>
    Token,
    /// <summary>The corp id or secret is wrong or the app is disabled: an admin must fix the configuration.</summary>
    Credentials,
    /// <summary>The app lacks a permission, visible range or trusted IP: an admin must fix the WeCom console.</summary>
    Permission,
    /// <summary>The request names something that does not exist or breaks a rule; retrying will not help.</summary>
    Data,
    /// <summary>The network or the response body failed before WeCom gave an errcode.</summary>
    Transport,
}
