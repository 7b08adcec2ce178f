namespace Waterwheel.Platform.Messaging;

/// <summary><c>Waterwheel:Inbox</c>: how the processor claims and retries.</summary>
public sealed class InboxOptions
{
    public const string Section = "Waterwheel:Inbox";

    /// <summary>Off only in tests that drive the processor by hand.</summary>
    public bool RunProcessor { get; set; } = true;
    public int BatchSize { get; set; } = 50;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds without renewal; renewed every third of it while a handler runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How many partitions of a batch are handled at once; their handlers mostly wait on WeCom and the database.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// How many rounds (claim a batch, handle it, acknowledge it) may run at once on this node. Only a backlog starts
    /// more than one: a round that claimed a full batch lets the next claim begin instead of waiting for its slowest
    /// partition.
    /// </summary>
    public int Rounds { get; set; } = 3;

    /// <summary>
    /// How many accepted messages may wait for the group-committing writer. Past it, accepts wait their turn (back-pressure
    /// on the senders, who retry) instead of growing memory without bound.
    /// </summary>
    public int AcceptQueue { get; set; } = 5_000;

    /// <summary>
    /// How long an accepted message may wait for its commit before handling makes room: past it, the node runs only
    /// <see cref="ConcurrencyUnderPressure"/> handlers and claims no extra rounds until accepts are quick again.
    /// </summary>
    public TimeSpan AcceptTarget { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Handlers that keep running on this node while accepts are slow, so handling slows down but never stops.</summary>
    public int ConcurrencyUnderPressure { get; set; } = 2;

    /// <summary>
    /// Handled messages are deleted this long after handling: they hold decrypted callbacks (names, remarks), and the
    /// senders' retries, the reason to keep them at all, come within minutes.
    /// </summary>
    public TimeSpan KeepProcessed { get; set; } = TimeSpan.FromDays(3);
}
