namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// WeCom's group live codes (群活码, join_way) as another module may use them: Acquisition backs each group code with
/// one. Answers with the same outcomes as <see cref="IWeComContactWays"/>, never an exception; a call refused before it
/// reaches WeCom (no chats or more than 5, a state over 30 characters) changes nothing there. Join ways and contact ways
/// share one quota of 500,000 per corp (<see cref="ContactWayStatus.QuotaReached"/>).
/// </summary>
public interface IWeComJoinWays
{
    /// <summary>Makes a QR join way (scene 2) for the chats, in order; the value carries WeCom's config_id and the QR's URL.</summary>
    Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, JoinWaySpec spec, CancellationToken ct);

    /// <summary>Replaces the way's chats and settings; the config_id and printed QR stay.</summary>
    Task<ContactWayOutcome> Update(Guid tenantId, string configId, JoinWaySpec spec, CancellationToken ct);

    /// <summary>Removes the way from WeCom: its QR stops working. A way WeCom no longer knows counts as removed.</summary>
    Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct);

    /// <summary>The way as WeCom holds it now: its chat list includes rooms WeCom opened by itself.</summary>
    Task<ContactWayOutcome<JoinWayState>> Get(Guid tenantId, string configId, CancellationToken ct);

    /// <summary>The customer groups among these chat ids as this module last saw them (callbacks and sync); unknown ids are left out.</summary>
    Task<IReadOnlyList<CustomerGroupInfo>> Groups(Guid tenantId, IReadOnlyCollection<string> chatIds, CancellationToken ct);

    /// <summary>
    /// Creates (no template id) or edits a group welcome template (入群欢迎语素材, text ≤ 3,000 bytes, %NICKNAME% for the
    /// joiner's name); the value is the template id. Group owners pick it for their groups in the WeCom client.
    /// </summary>
    Task<ContactWayOutcome<string>> SaveGroupWelcome(Guid tenantId, string? templateId, string text, CancellationToken ct);

    /// <summary>Deletes a group welcome template; one already gone counts as deleted.</summary>
    Task<ContactWayOutcome> DeleteGroupWelcome(Guid tenantId, string templateId, CancellationToken ct);
}

/// <summary>
/// What a join way should be: up to 5 chats, filled in order by WeCom (a group is skipped once it holds 200); with
/// AutoCreateRoom, WeCom opens "{RoomBaseName}{RoomBaseId}" when all are full and adds it to the way.
/// </summary>
public sealed record JoinWaySpec(
    IReadOnlyList<string> ChatIds, string State, string? Remark = null, bool AutoCreateRoom = false, string? RoomBaseName = null, long? RoomBaseId = null);

/// <summary>A join way as WeCom reports it.</summary>
public sealed record JoinWayState(string ConfigId, IReadOnlyList<string> ChatIds, string State, string Remark, bool AutoCreateRoom, string? QrCodeUrl);

/// <summary>A customer group: its WeCom chat id, name, owner's userid, everyone in it (staff included) and whether it still exists.</summary>
public sealed record CustomerGroupInfo(string ChatId, string Name, string OwnerUserId, int MemberCount, bool Active);
