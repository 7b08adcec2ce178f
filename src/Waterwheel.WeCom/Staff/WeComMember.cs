namespace Waterwheel.WeCom.Staff;

/// <summary>
/// A member of the corp's WeCom address book (企业微信成员) as user/list reports it. The mobile number is deliberately
/// not kept: the platform's own staff record holds it, encrypted.
/// </summary>
internal sealed class WeComMember
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string UserId { get; init; }
    public string Name { get; set; } = "";
    public List<long> DepartmentIds { get; set; } = [];
    public string? Position { get; set; }

    /// <summary>1 active, 2 disabled, 4 not activated, 5 left; kept as WeCom's number because WeCom adds values.</summary>
    public int Status { get; set; }

    /// <summary>Whether 客户联系 is enabled for the member (get_follow_user_list).</summary>
    public bool CanFollow { get; set; }

    /// <summary>No longer in the address book at the last full sync.</summary>
    public bool Removed { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? SeenBySync { get; set; }
}
