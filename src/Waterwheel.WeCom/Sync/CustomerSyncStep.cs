using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// Advances a sync run by one page: the staff list first, then batch/get_by_user over chunks of 100 staff with cursor
/// paging, upserting contacts and relations. The last step ends the relations that WeCom no longer lists.
/// </summary>
internal sealed class CustomerSyncStep(WeComDbContext db, IWeComClient client, TimeProvider time)
{
    private const int StaffPerCall = 100;
    private static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    /// <summary>Returns false when the run is finished.</summary>
    public async Task<bool> Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        if (!run.StaffListed)
        {
            var listed = await client.GetFollowUserList(corp.App, ct);
            if (!listed.IsSuccess) throw new WeComCallFailed(listed.Error!);
            run.Staff = listed.Value!.FollowUser.Distinct().ToList();
            run.StaffListed = true;
            await db.SaveChangesAsync(ct);
            return true;
        }
        var chunk = run.Staff.Skip(run.Chunk * StaffPerCall).Take(StaffPerCall).ToList();
        if (chunk.Count == 0) return await Finish(run, ct);

        var page = await client.BatchGetByUser(corp.App, new BatchGetByUserRequest(chunk, run.Cursor, 100), ct);
        if (!page.IsSuccess) throw new WeComCallFailed(page.Error!);
        foreach (var item in page.Value!.ExternalContactList)
            if (item.ExternalContact is { } contact && item.FollowInfo is { } follow) await Upsert(run, corp.TenantId, contact, follow, ct);

        run.Pages++;
        run.Cursor = string.IsNullOrEmpty(page.Value.NextCursor) ? null : page.Value.NextCursor;
        if (run.Cursor is null) run.Chunk++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task Upsert(SyncRun run, Guid tenantId, Client.ExternalContact remote, FollowInfo follow, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.ExternalUserId == remote.ExternalUserid, ct)
            ?? db.Contacts.Local.FirstOrDefault(c => c.ExternalUserId == remote.ExternalUserid);
        if (contact is null)
        {
            contact = new Contacts.ExternalContact { TenantId = tenantId, ExternalUserId = remote.ExternalUserid, FirstSeenAt = now };
            db.Contacts.Add(contact);
        }
        contact.CopyFrom(remote, now);

        var relation = await db.Relations.FirstOrDefaultAsync(r => r.ExternalUserId == remote.ExternalUserid && r.StaffUserId == follow.Userid, ct);
        if (relation is null)
        {
            relation = new FollowRelation { TenantId = tenantId, ExternalUserId = remote.ExternalUserid, StaffUserId = follow.Userid };
            db.Relations.Add(relation);
        }
        relation.Remark = follow.Remark ?? "";
        relation.State = follow.State ?? relation.State;
        relation.AddWay = follow.AddWay;
        relation.AddedAt = DateTimeOffset.FromUnixTimeSeconds(follow.Createtime).UtcDateTime;
        relation.Status = RelationStatus.Active;
        relation.EndedAt = null;
        relation.SeenBySync = run.Id;
        run.Relations++;
    }

    private async Task<bool> Finish(SyncRun run, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Relations we hold as active that this full pass did not see: a missed callback ended them. Ones added shortly
        // before the run may have arrived after their staff member's page was read, so they wait for the next run.
        var settled = run.StartedAt - SettleTime;
        run.Ended = await db.Relations
            .Where(r => r.Status == RelationStatus.Active && r.SeenBySync != run.Id && r.AddedAt < settled)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RelationStatus.NotFoundAtSync).SetProperty(r => r.EndedAt, now), ct);
        run.Status = SyncStatus.Succeeded;
        run.FinishedAt = now;
        await db.SaveChangesAsync(ct);
        return false;
    }
}
