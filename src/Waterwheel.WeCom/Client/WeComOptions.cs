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

    /// <summary>Parallel calls allowed per corp and heavy API in this process (45033 guards them with an unpublished cap).</summary>
    public int HeavyApiConcurrency { get; set; } = 4;

    /// <summary>Our own budget per corp and API, below WeCom's 10,000 a minute so other tools of the corp keep some room.</summary>
    public int CallsPerMinutePerApi { get; set; } = 9_000;

    /// <summary>Below WeCom's 150,000 an hour per corp and API.</summary>
    public int CallsPerHourPerApi { get; set; } = 135_000;

    /// <summary>Calls that may wait for budget per corp and API; more than that fail as busy at once.</summary>
    public int RateLimitQueue { get; set; } = 2_000;

    /// <summary>The storage-heavy customer and group lists the spec names for 45033.</summary>
    public HashSet<string> HeavyApis { get; set; } =
        ["externalcontact/list", "externalcontact/get", "externalcontact/batch/get_by_user", "externalcontact/groupchat/list"];
}
