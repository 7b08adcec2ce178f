using Waterwheel.WeCom.Callbacks.Events;

namespace Waterwheel.WeCom.Groups;

/// <summary>
/// Applies an add_member or del_member update to the stored members without asking WeCom, which is only sound when the
/// event starts from the member_version we hold (the caller checks). Join details the event lacks (invitor, state)
/// arrive with the next full read of the group.
/// </summary>
internal sealed class GroupMemberDelta(WeComDbContext db, TimeProvider time)
{
    public async Task Apply(CustomerGroup group, ExternalChatUpdated update, CancellationToken ct)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(update.Header.CreateTime).UtcDateTime;
        var ids = update.MemChangeList.Where(i => i.Length > 0).Distinct().ToList();
        var rows = await db.GroupMembers.Where(m => m.ChatId == group.ChatId && ids.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, ct);
        var joining = update.UpdateDetail == ExternalChatUpdated.AddMember;
        var staff = joining ? await KnownStaff(ids, ct) : [];
        foreach (var id in ids)
        {
            var row = rows.GetValueOrDefault(id);
            if (joining)
            {
                if (row is { LeftAt: null }) continue;
                if (row is null)
                {
                    row = new GroupMembership { TenantId = group.TenantId, ChatId = group.ChatId, MemberId = id };
                    db.GroupMembers.Add(row);
                }
                row.Type = staff.Contains(id) ? GroupMemberType.Staff : GroupMemberType.Customer;
                (row.JoinedAt, row.JoinScene, row.LeftAt, row.QuitScene, row.InvitorUserId, row.State) = (at, update.JoinScene, null, null, null, null);
                group.MemberCount++;
            }
            else if (row is { LeftAt: null })
            {
                (row.LeftAt, row.QuitScene) = (at, update.QuitScene);
                group.MemberCount = Math.Max(0, group.MemberCount - 1);
            }
        }
        group.MemberVersion = update.CurMemVer;
        group.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    // The event does not say whether a member is staff; a userid we know as a WeCom member or a customer's follower is.
    private async Task<HashSet<string>> KnownStaff(List<string> ids, CancellationToken ct) =>
        (await db.WeComMembers.Where(m => ids.Contains(m.UserId)).Select(m => m.UserId)
            .Union(db.Relations.Where(r => ids.Contains(r.StaffUserId)).Select(r => r.StaffUserId))
            .ToListAsync(ct)).ToHashSet();
}
