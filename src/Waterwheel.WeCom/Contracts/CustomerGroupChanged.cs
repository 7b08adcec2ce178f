using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// A customer group was created, changed (members, name, owner) or dismissed, as change_external_chat told the WeCom
/// module: the group as it now stands. Group codes move on when a group fills up; the count is the whole group's,
/// staff included, as WeCom's own limit of 200 counts. New is set the first time the module hears of the group (its
/// creation, or the first event of a group it never synced): a room WeCom opened for a group code is one.
/// </summary>
public sealed record CustomerGroupChanged(Guid TenantId, string ChatId, string OwnerUserId, string Name, int MemberCount, bool Active, DateTime At, bool New = false)
    : IIntegrationEvent
{
    public static string EventName => "wecom.customer-group-changed";
    public string? Partition => ChatId;
}
