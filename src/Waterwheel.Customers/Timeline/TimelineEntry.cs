using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Timeline;

/// <summary>What happened to a customer. Stored by name; the console words each kind in the reader's language.</summary>
public enum TimelineKind
{
    /// <summary>The customer added a staff member on WeCom (Subject: the staff userid; Detail: the channel state).</summary>
    WeComAdded,

    /// <summary>A sync found a relationship that no callback had announced; not a new add.</summary>
    WeComFound,

    /// <summary>The customer deleted the staff member.</summary>
    WeComLost,

    /// <summary>Another profile was found to be this person and merged into this one (Detail: the merged profile's id).</summary>
    ProfileMerged,

    /// <summary>A merge was undone; the line is on both profiles (Detail: the other profile's id).</summary>
    MergeUndone,
}

/// <summary>
/// One line of the customer's timeline. <see cref="SourceKey"/> names the fact it records, so that the same fact
/// delivered twice (integration events arrive at least once) is written once.
/// </summary>
internal sealed class TimelineEntry : IProfileRow
{
    public const int SourceKeyLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; set; }
    public DateTime OccurredAt { get; init; }
    public TimelineKind Kind { get; init; }
    public string? Subject { get; init; }
    public string? Detail { get; init; }
    public required string SourceKey { get; init; }
}
