namespace Waterwheel.WeCom.Client.Tokens;

/// <summary>What the distributed cache holds for one app: the token and when to stop handing it out.</summary>
internal sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
