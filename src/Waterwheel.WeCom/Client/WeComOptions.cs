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

    /// <summary>Parallel calls allowed per heavy API in this process (45033 guards them with an unpublished cap).</summary>
    public int HeavyApiConcurrency { get; set; } = 4;

    /// <summary>The storage-heavy customer and group lists the spec names for 45033.</summary>
    public HashSet<string> HeavyApis { get; set; } =
        ["externalcontact/list", "externalcontact/get", "externalcontact/batch/get_by_user", "externalcontact/groupchat/list"];
}
