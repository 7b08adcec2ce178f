namespace Waterwheel.WeCom.Client;

/// <summary>
/// The typed WeCom server API. Declared partially: each use-case file adds its own methods and DTOs, so an
/// endpoint lives in one place. Every call names the app it is made as and returns errors as values.
/// </summary>
public partial interface IWeComClient
{
    /// <summary>The cached access token, fetched if missing or near expiry (mostly for diagnostics).</summary>
    Task<WeComResult<string>> GetAccessToken(WeComApp app, CancellationToken ct = default);
}
