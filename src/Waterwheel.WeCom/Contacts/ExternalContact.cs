namespace Waterwheel.WeCom.Contacts;

/// <summary>A customer as WeCom knows them (external_userid), kept in step by callbacks and sync.</summary>
internal sealed class ExternalContact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ExternalUserId { get; init; }
    public string Name { get; set; } = "";
    public string? Avatar { get; set; }

    /// <summary>1 = WeChat user, 2 = WeCom user (of another corp).</summary>
    public int Type { get; set; }
    public int Gender { get; set; }
    public string? UnionId { get; set; }
    public string? CorpName { get; set; }
    public DateTime FirstSeenAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public enum RelationStatus
{
    Active,
    RemovedByStaff,
    RemovedByCustomer,

    /// <summary>WeCom no longer lists it, and no callback said why (one was missed): found by a full sync.</summary>
    NotFoundAtSync,
}

/// <summary>One staff member's WeCom relationship with one customer (follow_user), with how it began and ended.</summary>
internal sealed class FollowRelation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ExternalUserId { get; init; }
    public required string StaffUserId { get; init; }
    public string Remark { get; set; } = "";

    /// <summary>The contact_way state the customer scanned: the channel that brought them.</summary>
    public string? State { get; set; }
    public int AddWay { get; set; }
    public DateTime AddedAt { get; set; }
    public RelationStatus Status { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime? WelcomeSentAt { get; set; }

    /// <summary>
    /// The start (AddedAt) of this relationship that other modules were told of. Compared rather than a flag, so a
    /// re-add after a removal is announced again, and an edit callback handled before its add does not hide the add.
    /// </summary>
    public DateTime? AnnouncedAddedAt { get; set; }

    /// <summary>The sync run that last saw this relation in WeCom.</summary>
    public Guid? SeenBySync { get; set; }
}
