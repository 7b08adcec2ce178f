namespace Waterwheel.Acquisition.Arrivals;

/// <summary>
/// A customer who came through a live code: who added whom, when, through which code and channel. One per start of
/// a relationship (the add's time is part of the key), so a redelivered add records nothing new.
/// </summary>
internal sealed class Arrival
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid CodeId { get; init; }
    public Guid ChannelId { get; init; }
    public required string StaffUserId { get; init; }
    public required string ExternalUserId { get; init; }
    public DateTime At { get; init; }

    /// <summary>The day in the tenant's time zone: caps are per day as the store sees it.</summary>
    public DateOnly Day { get; init; }

    public DateTime? TaggedAt { get; set; }

    /// <summary>When the customer deleted the staff member (WeCom's CustomerLost), ending the relationship this arrival began.</summary>
    public DateTime? EndedAt { get; set; }
}
