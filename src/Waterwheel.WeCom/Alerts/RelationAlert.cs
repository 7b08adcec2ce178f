namespace Waterwheel.WeCom.Alerts;

public enum RelationAlertKind
{
    /// <summary>The customer deleted the staff member (del_follow_user): the relationship is lost.</summary>
    CustomerDeletedStaff,

    /// <summary>A succession transfer failed because the customer refused it.</summary>
    TransferRefused,

    /// <summary>A succession transfer failed because the takeover member has reached their customer limit.</summary>
    TransferLimitReached,

    /// <summary>A transfer failed for a reason WeCom added after this code was written.</summary>
    TransferFailed,
}

public enum RelationAlertStatus { Open, Handled }

/// <summary>
/// Something an operator should follow up on in a customer relationship: a lost customer, a refused transfer. One
/// per WeCom event (EventKey), so a redelivered event raises no second alert.
/// </summary>
internal sealed class RelationAlert
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public RelationAlertKind Kind { get; init; }
    public required string EventKey { get; init; }
    public required string ExternalUserId { get; init; }

    /// <summary>The staff member concerned: the one deleted, or the takeover member of a failed transfer.</summary>
    public required string StaffUserId { get; init; }

    /// <summary>The channel the customer originally came through, kept for the loss-by-channel view.</summary>
    public string? State { get; init; }
    public DateTime? RelationStartedAt { get; init; }
    public DateTime OccurredAt { get; init; }

    /// <summary>What WeCom said, as it said it (a transfer's FailReason).</summary>
    public string? Detail { get; init; }
    public RelationAlertStatus Status { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}
