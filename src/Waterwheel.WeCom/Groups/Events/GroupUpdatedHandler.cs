using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Groups.Events;

/// <summary>
/// A member joined or left, or the name, notice or owner changed. A member change that starts from the version we hold
/// is applied as it stands; one we already hold changes nothing; anything else (a missed or reordered event, or a
/// change the event does not describe) is settled by reading the group again.
/// </summary>
internal sealed class GroupUpdatedHandler(WeComDbContext db, GroupRefresh refresh, GroupMemberDelta delta, TimeProvider time) : WeComEventHandler<ExternalChatUpdated>
{
    protected override async Task Handle(ExternalChatUpdated update, TenantCorp corp, CancellationToken ct)
    {
        var group = await refresh.Find(update.ChatId, ct);
        if (group is { Status: GroupStatus.Dismissed }) return;
        var memberChange = update.UpdateDetail is ExternalChatUpdated.AddMember or ExternalChatUpdated.DelMember;
        if (group is not null && memberChange && update.CurMemVer is { Length: > 0 } current && current == group.MemberVersion) return;

        var isNew = group is null;
        if (group is not null && memberChange && update.LastMemVer is { Length: > 0 } last && last == group.MemberVersion)
            await delta.Apply(group, update, ct);
        else
            group = await refresh.Refresh(corp, update.ChatId, ct);
        if (group is not null) db.Announce(group, time.GetUtcNow().UtcDateTime, isNew);
        await db.SaveChangesAsync(ct);
    }
}
