namespace Waterwheel.WeCom.Client;

public sealed class WeComOptions
{
    public const string Section = "WeCom";

    /// <summary>Configurable so the same client talks to the simulator in demos and tests.</summary>
    public Uri BaseAddress { get; set; } = new("https://qyapi.weixin.qq.com/");

    /// <summary>Refresh this long before expiry so an in-flight call never carries a token that dies on the way.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts for retryable errcodes, the first call included (spec §5: at most 3).</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(60);
}
