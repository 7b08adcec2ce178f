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

    /// <summary>A source identified the customer (Segment identify); Properties holds the traits, personal data removed.</summary>
    Identified,

    /// <summary>A tracked event (Segment track): Subject is the event name, Properties its properties.</summary>
    Tracked,

    /// <summary>A page view (Subject: the page name).</summary>
    PageViewed,

    /// <summary>A mobile screen view (Subject: the screen name).</summary>
    ScreenViewed,

    /// <summary>The customer was placed in a group, such as a company account (Subject: the group id).</summary>
    JoinedGroup,

    /// <summary>A source said two of its ids are one person (Subject: the earlier id).</summary>
    Aliased,

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
    public const int PropertiesLength = 16_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; set; }
    public DateTime OccurredAt { get; init; }
    public TimelineKind Kind { get; init; }
    public string? Subject { get; set; }
    public string? Detail { get; init; }

    /// <summary>The event's properties or traits as JSON, for the timeline and for rules over events.</summary>
    public string? Properties { get; set; }

    /// <summary>An order's amount in yuan (set on order lines only), so that order figures are sums over the timeline.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The event source it came through, for events; null for what other modules announced.</summary>
    public Guid? SourceId { get; init; }
    public required string SourceKey { get; set; }
}
