using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Groups.Events;

/// <summary>A customer group was created: the event carries only its id, so read it from WeCom.</summary>
internal sealed class GroupCreatedHandler(WeComDbContext db, GroupRefresh refresh, TimeProvider time) : WeComEventHandler<ExternalChatCreated>
{
    protected override async Task Handle(ExternalChatCreated created, TenantCorp corp, CancellationToken ct)
    {
        if (await refresh.Refresh(corp, created.ChatId, ct) is { } group) db.Announce(group, time.GetUtcNow().UtcDateTime, isNew: true);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The owner dismissed the group. WeCom cannot be asked about it any more, so a group we never saw is stored as dismissed.</summary>
internal sealed class GroupDismissedHandler(WeComDbContext db, GroupRefresh refresh, TimeProvider time) : WeComEventHandler<ExternalChatDismissed>
{
    protected override async Task Handle(ExternalChatDismissed dismissed, TenantCorp corp, CancellationToken ct)
    {
        var group = await refresh.Find(dismissed.ChatId, ct);
        if (group is null)
        {
            // Its creation time is unknown; the event's time at least sorts it among the groups of its day.
            var now = time.GetUtcNow().UtcDateTime;
            db.Groups.Add(group = new CustomerGroup
            {
                TenantId = corp.TenantId, ChatId = dismissed.ChatId, Status = GroupStatus.Dismissed, EndedAt = now, UpdatedAt = now,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(dismissed.Header.CreateTime).UtcDateTime,
            });
        }
        else
        {
            refresh.MarkEnded(group, GroupStatus.Dismissed);
            // A sync that could not find the group ended it first; the dismiss event says what really happened.
            if (group.Status == GroupStatus.NotFoundAtSync) group.Status = GroupStatus.Dismissed;
        }
        db.Announce(group, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
