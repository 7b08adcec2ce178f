using Waterwheel.Audiences.Tags;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// Keeps this module's tag groups and tags agreeing with the corp tags WeCom announced, found by their WeCom ids. A
/// WeCom group or tag whose name a local one without a WeCom id already has is adopted by it, so a brand that made its
/// tags here first and in WeCom by hand ends with one of each; a name held by another WeCom tag gets its group's name
/// added (tag names are unique here, as the text form names tags).
/// </summary>
internal sealed class WeComTagMirror(AudiencesDbContext db, DeleteTag deleteTag, IAuditLog audit, TimeProvider time)
{
    public async Task<TagGroup> Group(Guid tenantId, string weComGroupId, string name, CancellationToken ct)
    {
        name = Fit(name, TagGroup.NameLength);
        var group = await db.TagGroups.FirstOrDefaultAsync(g => g.WeComGroupId == weComGroupId, ct)
                    ?? await db.TagGroups.FirstOrDefaultAsync(g => g.Name == name && g.WeComGroupId == null, ct);
        if (group is null)
        {
            group = new TagGroup { TenantId = tenantId, Name = await FreeGroupName(name, ct), WeComGroupId = weComGroupId, SyncToWeCom = true, CreatedAt = Now() };
            db.TagGroups.Add(group);
            await db.SaveChangesAsync(ct);
            await audit.RecordNowAsync(AuditActions.TagsChanged, "tag_group", group.Id.ToString(), $"tag group {group.Name} came from WeCom", ct);
            return group;
        }
        (group.WeComGroupId, group.SyncToWeCom) = (weComGroupId, true);
        if (group.Name != name && !await db.TagGroups.AnyAsync(g => g.Name == name && g.Id != group.Id, ct)) group.Name = name;
        await db.SaveChangesAsync(ct);
        return group;
    }

    public async Task<Tag> Tag(Guid tenantId, string weComTagId, string weComGroupId, string groupName, string name, CancellationToken ct)
    {
        var group = await Group(tenantId, weComGroupId, groupName, ct);
        name = Fit(name, Tags.Tag.NameLength);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.WeComTagId == weComTagId, ct)
                  ?? await db.Tags.FirstOrDefaultAsync(t => t.Name == name && t.WeComTagId == null, ct);
        if (tag is null)
        {
            tag = new Tag
            {
                TenantId = tenantId, GroupId = group.Id, Name = await FreeTagName(name, group.Name, null, ct), Source = TagSource.WeCom,
                WeComTagId = weComTagId, CreatedAt = Now(),
            };
            db.Tags.Add(tag);
            await db.SaveChangesAsync(ct);
            await audit.RecordNowAsync(AuditActions.TagsChanged, "tag", tag.Id.ToString(), $"tag {tag.Name} came from WeCom", ct);
            return tag;
        }
        (tag.WeComTagId, tag.GroupId) = (weComTagId, group.Id);
        if (tag.Name != name) tag.Name = await FreeTagName(name, group.Name, tag.Id, ct);
        await db.SaveChangesAsync(ct);
        return tag;
    }

    /// <summary>The local tag a WeCom tag is, or null when none is mirrored yet.</summary>
    public Task<Tag?> Find(string weComTagId, CancellationToken ct) => db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.WeComTagId == weComTagId, ct);

    /// <summary>A corp tag went from WeCom: it goes from every customer here, then itself.</summary>
    public async Task DeleteTag(string weComTagId, CancellationToken ct)
    {
        if (await Find(weComTagId, ct) is not { } tag) return;
        var taken = await deleteTag.TakeFromEveryone(tag, ct);
        await db.Tags.Where(t => t.Id == tag.Id).ExecuteDeleteAsync(ct);
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag", tag.Id.ToString(), $"tag {tag.Name} deleted in WeCom; {taken} customers held it", ct);
    }

    /// <summary>A corp tag group went from WeCom with its tags; a local tag of the group that WeCom never had stays, and so does the group then.</summary>
    public async Task DeleteGroup(string weComGroupId, CancellationToken ct)
    {
        if (await db.TagGroups.AsNoTracking().FirstOrDefaultAsync(g => g.WeComGroupId == weComGroupId, ct) is not { } group) return;
        foreach (var weComTagId in await db.Tags.Where(t => t.GroupId == group.Id && t.WeComTagId != null).Select(t => t.WeComTagId!).ToListAsync(ct))
            await DeleteTag(weComTagId, ct);
        if (await db.Tags.AnyAsync(t => t.GroupId == group.Id, ct))
        {
            await db.TagGroups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.WeComGroupId, (string?)null), ct);
            return;
        }
        await db.TagGroups.Where(g => g.Id == group.Id).ExecuteDeleteAsync(ct);
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag_group", group.Id.ToString(), $"tag group {group.Name} deleted in WeCom", ct);
    }

    private async Task<string> FreeGroupName(string name, CancellationToken ct) =>
        await db.TagGroups.AnyAsync(g => g.Name == name, ct) ? Fit($"{name}（企业微信）", TagGroup.NameLength) : name;

    private async Task<string> FreeTagName(string name, string groupName, Guid? self, CancellationToken ct) =>
        await db.Tags.AnyAsync(t => t.Name == name && t.Id != self, ct) ? Fit($"{name}（{groupName}）", Tags.Tag.NameLength) : name;

    private static string Fit(string text, int length) => text.Trim() is var t && t.Length > length ? t[..length] : text.Trim();

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
