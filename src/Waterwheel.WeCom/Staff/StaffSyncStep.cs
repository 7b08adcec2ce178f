using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Staff;

/// <summary>
/// The staff phase: first the members with 客户联系 (get_follow_user_list, which later phases walk), then the address
/// book one top-level department per step (user/list with its sub-departments). Members the address book no longer
/// lists are marked removed at the end of the phase.
/// </summary>
internal sealed class StaffSyncStep(WeComDbContext db, IWeComClient client, TimeProvider time) : ISyncPhaseStep
{
    public SyncPhase Phase => SyncPhase.Staff;

    public async Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        if (!run.StaffListed)
        {
            var listed = await client.GetFollowUserList(corp.App, ct);
            if (!listed.IsSuccess) throw new WeComCallFailed(listed.Error!);
            run.Staff = listed.Value!.FollowUser.Distinct().ToList();
            run.StaffListed = true;
            await db.SaveChangesAsync(ct);
            return;
        }

        var departments = await client.ListDepartments(corp.App, ct: ct);
        if (!departments.IsSuccess) throw new WeComCallFailed(departments.Error!);
        var ids = departments.Value!.Department.Select(d => d.Id).ToHashSet();
        // The tops of the visible range: departments whose parent the app cannot see (the root's parent is 0).
        var tops = departments.Value.Department.Where(d => !ids.Contains(d.Parentid) || d.Parentid == d.Id).Select(d => d.Id).Order().ToList();
        if (run.Chunk >= tops.Count)
        {
            await Finish(run, ct);
            return;
        }

        var users = await client.ListUsers(corp.App, tops[run.Chunk], fetchChild: true, ct);
        if (!users.IsSuccess) throw new WeComCallFailed(users.Error!);
        var now = time.GetUtcNow().UtcDateTime;
        var listedIds = users.Value!.Userlist.Select(u => u.Userid).Where(u => u.Length > 0).Distinct().ToList();
        var stored = await db.WeComMembers.Where(m => listedIds.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, ct);
        foreach (var user in users.Value.Userlist.Where(u => u.Userid.Length > 0).DistinctBy(u => u.Userid))
        {
            if (!stored.TryGetValue(user.Userid, out var member))
            {
                member = new WeComMember { TenantId = corp.TenantId, UserId = user.Userid };
                db.WeComMembers.Add(member);
                stored[user.Userid] = member;
            }
            if (member.SeenBySync != run.Id) run.Members++;
            member.Name = user.Name ?? member.Name;
            member.DepartmentIds = user.Department.ToList();
            member.Position = string.IsNullOrEmpty(user.Position) ? null : user.Position;
            member.Status = user.Status;
            member.CanFollow = run.Staff.Contains(user.Userid);
            member.Removed = false;
            member.UpdatedAt = now;
            member.SeenBySync = run.Id;
        }
        run.Pages++;
        run.Chunk++;
        await db.SaveChangesAsync(ct);
    }

    private async Task Finish(SyncRun run, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.WeComMembers.Where(m => !m.Removed && m.SeenBySync != run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Removed, true).SetProperty(m => m.CanFollow, false).SetProperty(m => m.UpdatedAt, now), ct);
        run.Enter(SyncPhase.CorpTags);
        await db.SaveChangesAsync(ct);
    }
}
