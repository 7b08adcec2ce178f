using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tags;

/// <summary>
/// The stored names of corp tags and their groups, including what this unit of work has just read from WeCom and
/// not saved yet, so that an event names a tag learnt in the same breath.
/// </summary>
internal sealed class CorpTagNames(WeComDbContext db)
{
    public async Task<IReadOnlyList<WeComTagName>> Of(IEnumerable<string> tagIds, CancellationToken ct)
    {
        var ids = tagIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var tags = db.Tags.Local.Where(t => ids.Contains(t.TagId)).ToDictionary(t => t.TagId);
        var tracked = tags.Keys.ToList();
        foreach (var tag in await db.Tags.AsNoTracking().Where(t => ids.Contains(t.TagId) && !tracked.Contains(t.TagId)).ToListAsync(ct))
            tags[tag.TagId] = tag;
        var groupIds = tags.Values.Select(t => t.GroupId).Distinct().ToList();
        var groups = db.TagGroups.Local.Where(g => groupIds.Contains(g.GroupId)).ToDictionary(g => g.GroupId, g => g.Name);
        var known = groups.Keys.ToList();
        foreach (var group in await db.TagGroups.AsNoTracking().Where(g => groupIds.Contains(g.GroupId) && !known.Contains(g.GroupId)).ToListAsync(ct))
            groups[group.GroupId] = group.Name;
        return ids.Select(id => tags.GetValueOrDefault(id) is { } t
                ? new WeComTagName(id, t.Name, t.GroupId, groups.GetValueOrDefault(t.GroupId) ?? "")
                : new WeComTagName(id, "", "", ""))
            .ToList();
    }
}
