namespace Waterwheel.Platform.Messaging;

/// <summary><c>Waterwheel:Inbox</c>: how the processor claims and retries.</summary>
public sealed class InboxOptions
{
    public const string Section = "Waterwheel:Inbox";

    /// <summary>Off only in tests that drive the processor by hand.</summary>
    public bool RunProcessor { get; set; } = true;
    public int BatchSize { get; set; } = 50;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How many partitions of a batch are handled at once; their handlers mostly wait on WeCom and the database.</summary>
    public int Concurrency { get; set; } = 16;
}
