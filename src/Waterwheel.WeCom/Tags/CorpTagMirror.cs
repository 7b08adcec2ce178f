using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Client;

namespace Waterwheel.WeCom.Tags;

/// <summary>
/// Writes what WeCom just did for the façade into the stored corp tags, in the unit of work that follows the call,
/// so the next read of WeCom (a callback's re-read, a sync) finds no difference and announces nothing.
/// </summary>
internal sealed class CorpTagMirror(WeComDbContext db, TimeProvider time, ILogger<CorpTagMirror> log)
{
    /// <summary>Stores a group and the tags add_corp_tag returned (it returns only the tags it made).</summary>
    public async Task<(CorpTagGroupEntry Group, List<CorpTagEntry> Tags)> Added(Guid tenantId, CorpTagGroup remote, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var group = await db.TagGroups.FirstOrDefaultAsync(g => g.GroupId == remote.GroupId, ct);
        if (group is null)
        {
            group = new CorpTagGroupEntry { TenantId = tenantId, GroupId = remote.GroupId };
            db.TagGroups.Add(group);
        }
        (group.Name, group.Order, group.CreatedAt, group.Deleted, group.UpdatedAt) =
            (remote.GroupName ?? group.Name, remote.Order, FromUnix(remote.CreateTime), false, now);
        var tags = new List<CorpTagEntry>();
        foreach (var t in remote.Tag.Where(t => t.Id.Length > 0))
        {
            var tag = await db.Tags.FirstOrDefaultAsync(x => x.TagId == t.Id, ct);
            if (tag is null)
            {
                tag = new CorpTagEntry { TenantId = tenantId, TagId = t.Id };
                db.Tags.Add(tag);
            }
            (tag.GroupId, tag.Name, tag.Order, tag.CreatedAt, tag.Deleted, tag.UpdatedAt) =
                (remote.GroupId, t.Name ?? tag.Name, t.Order, FromUnix(t.CreateTime), false, now);
            tags.Add(tag);
        }
        return (group, tags);
    }

    /// <summary>edit_corp_tag took: the id is a group's or a tag's. An id we have not stored waits for the next read.</summary>
    public async Task Edited(string id, string? name, long? order, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.TagGroups.FirstOrDefaultAsync(g => g.GroupId == id, ct) is { } group)
            (group.Name, group.Order, group.UpdatedAt) = (name ?? group.Name, order ?? group.Order, now);
        else if (await db.Tags.FirstOrDefaultAsync(t => t.TagId == id, ct) is { } tag)
            (tag.Name, tag.Order, tag.UpdatedAt) = (name ?? tag.Name, order ?? tag.Order, now);
    }

    /// <summary>del_corp_tag took: the groups and tags are gone, and so is any group left without a live tag.</summary>
    public async Task Deleted(IReadOnlyList<string> tagIds, IReadOnlyList<string> groupIds, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tags = await db.Tags.Where(t => !t.Deleted && (tagIds.Contains(t.TagId) || groupIds.Contains(t.GroupId))).ToListAsync(ct);
        foreach (var tag in tags) (tag.Deleted, tag.UpdatedAt) = (true, now);
        var deleted = tags.Select(t => t.TagId).ToHashSet();
        var touched = tags.Select(t => t.GroupId).Concat(groupIds).Distinct().ToList();
        // The query reads the database, where the tags just marked are still live: leave them out by hand.
        var groupsWithLiveTags = (await db.Tags.Where(t => touched.Contains(t.GroupId) && !t.Deleted).Select(t => new { t.GroupId, t.TagId }).ToListAsync(ct))
            .Where(t => !deleted.Contains(t.TagId)).Select(t => t.GroupId).ToHashSet();
        foreach (var group in await db.TagGroups.Where(g => touched.Contains(g.GroupId) && !g.Deleted).ToListAsync(ct))
            if (groupIds.Contains(group.GroupId) || !groupsWithLiveTags.Contains(group.GroupId)) (group.Deleted, group.UpdatedAt) = (true, now);
        await TakeOffCustomers(db, tags.Select(t => t.TagId).Concat(tagIds).Distinct().ToList(), ct);
    }

    /// <summary>mark_tag took for one relation: its stored set changes the same way. Returns the set it now holds.</summary>
    public async Task<List<string>> Marked(Guid tenantId, string externalUserId, string staffUserId, IReadOnlyList<string> added,
        IReadOnlyList<string> removed, CancellationToken ct)
    {
        var stored = await db.RelationTags.Where(t => t.ExternalUserId == externalUserId && t.StaffUserId == staffUserId).ToListAsync(ct);
        db.RelationTags.RemoveRange(stored.Where(t => removed.Contains(t.TagId)));
        foreach (var tagId in added.Except(stored.Select(t => t.TagId)))
            db.RelationTags.Add(new RelationTag { TenantId = tenantId, ExternalUserId = externalUserId, StaffUserId = staffUserId, TagId = tagId });
        return stored.Select(t => t.TagId).Except(removed).Union(added).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Saves the mirror after WeCom took the change. A unique conflict means a callback or sync stored the same rows
    /// from WeCom meanwhile: WeCom holds the change either way, so the call still succeeded.
    /// </summary>
    public async Task Save(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            log.LogWarning(e, "Corp tags changed in WeCom were stored meanwhile by another reader; the next read of WeCom settles them");
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Takes tags off every customer at once: WeCom does so when a tag is deleted, and reports no edit per customer.</summary>
    public static async Task TakeOffCustomers(WeComDbContext db, IReadOnlyList<string> tagIds, CancellationToken ct)
    {
        if (tagIds.Count == 0) return;
        await db.RelationTags.Where(t => tagIds.Contains(t.TagId)).ExecuteDeleteAsync(ct);
    }

    private static DateTime FromUnix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
}
