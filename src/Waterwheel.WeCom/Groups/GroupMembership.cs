namespace Waterwheel.WeCom.Groups;

/// <summary>groupchat/get's member type: 1 staff member, 2 external contact.</summary>
public enum GroupMemberType { Staff = 1, Customer = 2 }

/// <summary>
/// One member's time in a customer group. A member who leaves keeps the row (LeftAt, QuitScene) so the group's
/// history stays readable; rejoining reopens it.
/// </summary>
internal sealed class GroupMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ChatId { get; init; }

    /// <summary>A staff userid or a customer's external_userid.</summary>
    public required string MemberId { get; init; }
    public GroupMemberType Type { get; set; }
    public DateTime JoinedAt { get; set; }

    /// <summary>Kept as WeCom's int: sources disagree on the values (1 direct, 2 link, 3 QR in groupchat/get).</summary>
    public int? JoinScene { get; set; }
    public string? InvitorUserId { get; set; }
    public string? State { get; set; }
    public DateTime? LeftAt { get; set; }

    /// <summary>0 left on their own, 1 removed.</summary>
    public int? QuitScene { get; set; }
}
