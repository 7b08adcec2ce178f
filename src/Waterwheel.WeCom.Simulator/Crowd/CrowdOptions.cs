namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed class CrowdOptions
{
    /// <summary>Same seed, same state, same script: the crowd does the same things every run.</summary>
    public int Seed { get; set; } = 20260101;

    /// <summary>WeCom waits 5 s for an answer before it tries again.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries in total, the first included.</summary>
    public int CallbackTries { get; set; } = 3;

    /// <summary>Pause between tries; WeCom does not publish one, so the default retries at once.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.Zero;
}
