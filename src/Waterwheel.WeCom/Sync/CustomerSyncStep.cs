using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// The customers phase: batch/get_by_user over chunks of 100 staff with cursor paging, upserting contacts, relations
/// and each relation's tags, one page per step.
/// </summary>
internal sealed class CustomerSyncStep(WeComDbContext db, IWeComClient client, CustomerTags tags, TimeProvider time) : ISyncPhaseStep
{
    private const int StaffPerCall = 100;

    public SyncPhase Phase => SyncPhase.Customers;

    public async Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        var chunk = run.Staff.Skip(run.Chunk * StaffPerCall).Take(StaffPerCall).ToList();
        if (chunk.Count == 0)
        {
            run.Enter(SyncPhase.Groups);
            await db.SaveChangesAsync(ct);
            return;
        }

        var page = await client.BatchGetByUser(corp.App, new BatchGetByUserRequest(chunk, run.Cursor, 100), ct);
        if (!page.IsSuccess) throw new WeComCallFailed(page.Error!);
        foreach (var item in page.Value!.ExternalContactList)
            if (item.ExternalContact is { } contact && item.FollowInfo is { } follow) await Upsert(run, corp.TenantId, contact, follow, ct);

        run.Pages++;
        run.Cursor = string.IsNullOrEmpty(page.Value.NextCursor) ? null : page.Value.NextCursor;
        if (run.Cursor is null) run.Chunk++;
        await db.SaveChangesAsync(ct);
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
        // Tags of a relation new to us are its state as found, not changes made today.
        var tagsCause = relation is null ? Contracts.CustomerTagsCause.FirstSeen : Contracts.CustomerTagsCause.FoundAtSync;
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
        // Announced once per relationship start, like a callback's add, so a second sync announces nothing again.
        if (relation.AnnouncedAddedAt != relation.AddedAt)
        {
            relation.AnnouncedAddedAt = relation.AddedAt;
            db.Publish(new Contracts.CustomerRelationFound(tenantId, relation.ExternalUserId, relation.StaffUserId, relation.State, relation.AddWay,
                relation.AddedAt), now);
        }
        await tags.Replace(tenantId, remote.ExternalUserid, follow.Userid, follow.TagId, tagsCause, ct);
        run.Relations++;
    }
}
