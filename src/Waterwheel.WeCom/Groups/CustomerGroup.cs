namespace Waterwheel.WeCom.Groups;

public enum GroupStatus
{
    Active,
    Dismissed,

    /// <summary>WeCom no longer lists it and no dismiss event reached us: found by a full sync.</summary>
    NotFoundAtSync,
}

/// <summary>A customer group (客户群) as WeCom knows it, kept in step by change_external_chat and by full sync.</summary>
internal sealed class CustomerGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ChatId { get; init; }
    public string Name { get; set; } = "";
    public string OwnerUserId { get; set; } = "";
    public string Notice { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>WeCom's member_version: an update event whose LastMemVer equals it can be applied as a delta.</summary>
    public string? MemberVersion { get; set; }
    public GroupStatus Status { get; set; }
    public int MemberCount { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>The sync run that last saw this group in groupchat/list.</summary>
    public Guid? SeenBySync { get; set; }

    /// <summary>
    /// Chat events carry no inbox partition, so two updates of one group can be handled at once; the loser of the
    /// race fails its save and is retried against what the winner stored.
    /// </summary>
    public int Version { get; set; }
}
