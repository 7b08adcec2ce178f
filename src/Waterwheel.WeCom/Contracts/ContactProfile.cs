namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// A customer (external_userid) as WeCom describes them. Gender: 0 unknown, 1 male, 2 female. Type: 1 WeChat user,
/// 2 WeCom user of another corp. UnionId is set only when the corp has bound a WeChat open platform account.
/// </summary>
public sealed record ContactProfile(
    string ExternalUserId, string Name, string? Avatar, int Gender, string? UnionId, int Type, string? CorpName,
    IReadOnlyList<ContactFollower> Followers);

/// <summary>
/// A staff member who currently follows the customer: their WeCom userid, the platform staff and store it is linked
/// to (null when unlinked), when the relationship began and the channel state it began through.
/// </summary>
public sealed record ContactFollower(
    string WeComUserId, Guid? StaffId, string? StaffName, Guid? StoreId, DateTime AddedAt, string? State, int AddWay);

/// <summary>
/// A platform staff member and their WeCom member. Name, Status and CanFollow come from the corp's address book as of
/// the last sync (null until one has seen the member); Status 1 active, 2 disabled, 4 not activated, 5 left.
/// </summary>
public sealed record LinkedWeComStaff(
    Guid StaffId, string StaffName, Guid? StoreId, string WeComUserId, string? WeComName, int? Status, bool? CanFollow);
