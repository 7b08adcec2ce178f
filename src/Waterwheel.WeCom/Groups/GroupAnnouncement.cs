using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Groups;

/// <summary>Tells other modules how a group now stands, in the same save as the change (the outbox), so no change goes unannounced.</summary>
internal static class GroupAnnouncement
{
    public static void Announce(this WeComDbContext db, CustomerGroup group, DateTime at, bool isNew = false) =>
        db.Publish(new CustomerGroupChanged(group.TenantId, group.ChatId, group.OwnerUserId, group.Name, group.MemberCount,
            group.Status == GroupStatus.Active, at, isNew), at);
}
