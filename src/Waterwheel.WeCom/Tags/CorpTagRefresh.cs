using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tags;

/// <summary>
/// Brings the stored corp tags in line with get_corp_tag_list: everything (full sync, shuffle) or one group (an event
/// about the group or one of its tags). Whatever WeCom no longer returns within what was asked is marked deleted and
/// taken off the customers that carried it, as WeCom does. Each difference from what was stored is announced
/// (<see cref="CorpTagAnnouncer"/>); what the façade changed is stored already, so it is no difference.
/// </summary>
internal sealed class CorpTagRefresh(WeComDbContext db, IWeComClient client, CorpTagAnnouncer announce, TimeProvider time)
{
    /// <summary>Returns how many live tags WeCom reported.</summary>
    public async Task<int> All(TenantCorp corp, CancellationToken ct)
    {
        var remote = await Read(corp, null, null, ct);
        await Apply(corp.TenantId, remote, null, ct);
        return remote.Where(g => !g.Deleted).Sum(g => g.Tag.Count(t => !t.Deleted));
    }

    public async Task Group(TenantCorp corp, string groupId, CancellationToken ct) =>
        await Apply(corp.TenantId, await Read(corp, null, [groupId], ct), [groupId], ct);

    /// <summary>A tag changed: re-read the group it belongs to (asking WeCom which one if the tag is new to us).</summary>
    public async Task Tag(TenantCorp corp, string tagId, CancellationToken ct)
    {
        var groupId = await db.Tags.Where(t => t.TagId == tagId).Select(t => t.GroupId).FirstOrDefaultAsync(ct);
        groupId ??= (await Read(corp, [tagId], null, ct)).FirstOrDefault()?.GroupId;
        if (groupId is not null) await Group(corp, groupId, ct);
    }

    private async Task<List<CorpTagGroup>> Read(TenantCorp corp, IReadOnlyList<string>? tagIds, IReadOnlyList<string>? groupIds, CancellationToken ct)
    {
        var read = await client.GetCorpTagList(corp.App, tagIds, groupIds, ct);
        if (!read.IsSuccess) throw new WeComCallFailed(read.Error!);
        return read.Value!.TagGroup.Where(g => g.GroupId.Length > 0).ToList();
    }

    private async Task Apply(Guid tenantId, List<CorpTagGroup> remote, IReadOnlyList<string>? scope, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var groupIds = remote.Select(g => g.GroupId).Concat(scope ?? []).Distinct().ToList();
        var groups = await (scope is null ? db.TagGroups : db.TagGroups.Where(g => groupIds.Contains(g.GroupId))).ToDictionaryAsync(g => g.GroupId, ct);
        var tags = await (scope is null ? db.Tags : db.Tags.Where(t => groupIds.Contains(t.GroupId))).ToDictionaryAsync(t => t.TagId, ct);
        var seenGroups = new HashSet<string>();
        var seenTags = new HashSet<string>();
        var gone = new List<string>();
        foreach (var g in remote)
        {
            seenGroups.Add(g.GroupId);
            if (!groups.TryGetValue(g.GroupId, out var group))
            {
                group = new CorpTagGroupEntry { TenantId = tenantId, GroupId = g.GroupId, Deleted = true };
                db.TagGroups.Add(group);
                groups[g.GroupId] = group;
            }
            var groupWas = CorpTagState.Of(group);
            (group.Name, group.Order, group.CreatedAt, group.Deleted) = (g.GroupName ?? group.Name, g.Order, FromUnix(g.CreateTime), g.Deleted);
            if (announce.Group(group, groupWas, now) is not null) group.UpdatedAt = now;
            foreach (var t in g.Tag.Where(t => t.Id.Length > 0))
            {
                seenTags.Add(t.Id);
                if (!tags.TryGetValue(t.Id, out var tag))
                {
                    tag = await db.Tags.FirstOrDefaultAsync(x => x.TagId == t.Id, ct);
                    if (tag is null)
                    {
                        tag = new CorpTagEntry { TenantId = tenantId, TagId = t.Id, Deleted = true };
                        db.Tags.Add(tag);
                    }
                    tags[t.Id] = tag;
                }
                var tagWas = CorpTagState.Of(tag);
                (tag.GroupId, tag.Name, tag.Order, tag.CreatedAt, tag.Deleted) =
                    (g.GroupId, t.Name ?? tag.Name, t.Order, FromUnix(t.CreateTime), t.Deleted || g.Deleted);
                if (announce.Tag(tag, group, tagWas, now) is { } change)
                {
                    tag.UpdatedAt = now;
                    if (change == CorpTagChange.Deleted) gone.Add(tag.TagId);
                }
            }
        }
        foreach (var group in groups.Values.Where(g => !seenGroups.Contains(g.GroupId) && !g.Deleted))
        {
            var was = CorpTagState.Of(group);
            (group.Deleted, group.UpdatedAt) = (true, now);
            announce.Group(group, was, now);
        }
        foreach (var tag in tags.Values.Where(t => !seenTags.Contains(t.TagId) && !t.Deleted))
        {
            var was = CorpTagState.Of(tag);
            (tag.Deleted, tag.UpdatedAt) = (true, now);
            announce.Tag(tag, groups.GetValueOrDefault(tag.GroupId), was, now);
            gone.Add(tag.TagId);
        }
        // WeCom takes a deleted tag off every customer without an event per customer; the tag's own event says so.
        await CorpTagMirror.TakeOffCustomers(db, gone, ct);
    }

    private static DateTime FromUnix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
}
