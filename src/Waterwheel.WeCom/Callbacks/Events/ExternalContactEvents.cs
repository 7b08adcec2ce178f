namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>change_external_contact: something happened between a staff member (UserID) and a customer.</summary>
public abstract record ExternalContactEvent(EventHeader Header, string UserId, string ExternalUserId) : WeComEvent(Header)
{
    protected override string Specifics => $"{UserId}|{ExternalUserId}";
}

/// <summary>
/// add_external_contact, or add_half_external_contact when the customer was added without verification.
/// WelcomeCode is absent when a console welcome message exists or a chat already started; it expires in 20 s.
/// </summary>
public sealed record ExternalContactAdded(EventHeader Header, string UserId, string ExternalUserId, string? State, string? WelcomeCode, bool WithoutVerification)
    : ExternalContactEvent(Header, UserId, ExternalUserId);

/// <summary>edit_external_contact: remark or tags changed (not when only the remark mobile changed).</summary>
public sealed record ExternalContactEdited(EventHeader Header, string UserId, string ExternalUserId)
    : ExternalContactEvent(Header, UserId, ExternalUserId);

/// <summary>del_external_contact: the staff member deleted the customer. Source=DELETE_BY_TRANSFER after an on-job transfer.</summary>
public sealed record ExternalContactDeletedByStaff(EventHeader Header, string UserId, string ExternalUserId, string? Source)
    : ExternalContactEvent(Header, UserId, ExternalUserId)
{
    public const string DeleteByTransfer = "DELETE_BY_TRANSFER";
    public bool ByTransfer => Source == DeleteByTransfer;
}

/// <summary>del_follow_user: the customer deleted the staff member.</summary>
public sealed record FollowUserDeleted(EventHeader Header, string UserId, string ExternalUserId)
    : ExternalContactEvent(Header, UserId, ExternalUserId);

/// <summary>transfer_fail: UserID is the takeover member; FailReason is customer_refused or customer_limit_exceed (kept open).</summary>
public sealed record TransferFailed(EventHeader Header, string UserId, string ExternalUserId, string? FailReason)
    : ExternalContactEvent(Header, UserId, ExternalUserId)
{
    public const string CustomerRefused = "customer_refused";
    public const string CustomerLimitExceed = "customer_limit_exceed";
}

/// <summary>msg_audit_approved: the customer agreed to chat archiving.</summary>
public sealed record MsgAuditApproved(EventHeader Header, string UserId, string ExternalUserId, string? WelcomeCode)
    : ExternalContactEvent(Header, UserId, ExternalUserId);
