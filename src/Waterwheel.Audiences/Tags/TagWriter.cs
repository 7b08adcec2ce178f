using Waterwheel.Audiences.WeComSync;
using Waterwheel.Platform.Messaging;
using Waterwheel.Audiences.Members;

namespace Waterwheel.Audiences.Tags;

/// <summary>
/// Gives and takes tags, keeping the three records of a tag in step in one transaction: the customer's tag with its
/// cause and expiry, the member's tag row the index is rebuilt from, and the change-log row every node applies.
/// </summary>
internal sealed class TagWriter(AudiencesDbContext db, TimeProvider time)
{
    /// <summary>
    /// Gives the tag to these members; in a single-valued group their other tag of the group goes. A member holding the tag
    /// already keeps it, with the new cause and expiry. Returns how many newly hold it.
    /// </summary>
    /// A tag WeCom also has is put on the customer in WeCom too, unless WeCom is where it came from. An inherited tag (one a
    /// merged profile hands to its survivor) writes no history line: the merged profile's own lines, which move with it,
    /// already say when and why it was given.
    public Task<int> Give(Tag tag, IReadOnlyList<Member> members, TagCause cause, string by, CancellationToken ct, bool inherited = false) => db.Atomically(async () =>
    {
        var toWeCom = cause != TagCause.WeCom;
        var now = time.GetUtcNow().UtcDateTime;
        var profiles = members.Select(m => m.ProfileId).ToList();
        var held = await db.CustomerTags.Where(t => t.TagId == tag.Id && profiles.Contains(t.ProfileId)).ToDictionaryAsync(t => t.ProfileId, ct);
        var group = await db.TagGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == tag.GroupId, ct);
        if (group is { MultiValued: false })
        {
            var siblings = await db.Tags.Where(t => t.GroupId == group.Id && t.Id != tag.Id).Select(t => t.Id).ToListAsync(ct);
            foreach (var sibling in siblings) await TakeUnsaved(sibling, members, now, toWeCom, TagHistoryEntry.Of(cause), by, ct);
        }
        var expires = tag.ExpiryDays is { } days ? now.AddDays(days) : (DateTime?)null;
        var given = 0;
        foreach (var member in members)
        {
            if (held.TryGetValue(member.ProfileId, out var existing))
            {
                (existing.Cause, existing.TaggedAt, existing.ExpiresAt, existing.TaggedBy) = (cause, now, expires, by);
                continue;
            }
            db.CustomerTags.Add(new CustomerTag
            {
                TenantId = member.TenantId, ProfileId = member.ProfileId, TagId = tag.Id, Cause = cause, TaggedAt = now, ExpiresAt = expires, TaggedBy = by,
            });
            db.MemberTags.Add(new MemberTag { TenantId = member.TenantId, TagId = tag.Id, Ordinal = member.Ordinal });
            if (!inherited)
                db.TagHistory.Add(new TagHistoryEntry
                {
                    TenantId = member.TenantId, ProfileId = member.ProfileId, TagId = tag.Id, TagName = tag.Name, Given = true,
                    Cause = TagHistoryEntry.Of(cause), By = TagHistoryEntry.Fit(by), At = now,
                });
            db.Changes.Add(new MemberChange { TenantId = member.TenantId, Ordinal = member.Ordinal, Kind = MemberChangeKind.SetTag, TagId = tag.Id, At = now });
            if (toWeCom && tag.WeComTagId is { } weComTagId) db.Publish(new WeComMarksWanted(member.TenantId, member.ProfileId, [weComTagId], []), now);
            given++;
        }
        await db.SaveChangesAsync(ct);
        return given;
    }, ct);

    /// <summary>
    /// Takes the tag from these members; returns how many held it. A tag WeCom also has comes off in WeCom too unless
    /// <paramref name="toWeCom"/> is false: WeCom took it off itself, or deletes the whole tag.
    /// </summary>
    public Task<int> Take(Guid tagId, IReadOnlyList<Member> members, CancellationToken ct, bool toWeCom = true,
        TagChangeCause why = TagChangeCause.Manual, string? by = null) => db.Atomically(async () =>
    {
        var taken = await TakeUnsaved(tagId, members, time.GetUtcNow().UtcDateTime, toWeCom, why, by, ct);
        await db.SaveChangesAsync(ct);
        return taken;
    }, ct);

    private async Task<int> TakeUnsaved(Guid tagId, IReadOnlyList<Member> members, DateTime now, bool toWeCom, TagChangeCause why, string? by,
        CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == tagId).Select(t => new { t.Name, t.WeComTagId }).FirstOrDefaultAsync(ct);
        var weComTagId = toWeCom ? tag?.WeComTagId : null;
        var profiles = members.Select(m => m.ProfileId).ToList();
        var holding = (await db.CustomerTags.Where(t => t.TagId == tagId && profiles.Contains(t.ProfileId)).Select(t => t.ProfileId).ToListAsync(ct)).ToHashSet();
        if (holding.Count == 0) return 0;
        var ordinals = members.Where(m => holding.Contains(m.ProfileId)).Select(m => m.Ordinal).ToList();
        await db.CustomerTags.Where(t => t.TagId == tagId && holding.Contains(t.ProfileId)).ExecuteDeleteAsync(ct);
        await db.MemberTags.Where(t => t.TagId == tagId && ordinals.Contains(t.Ordinal)).ExecuteDeleteAsync(ct);
        foreach (var member in members.Where(m => holding.Contains(m.ProfileId)))
        {
            db.Changes.Add(new MemberChange { TenantId = member.TenantId, Ordinal = member.Ordinal, Kind = MemberChangeKind.ClearTag, TagId = tagId, At = now });
            db.TagHistory.Add(new TagHistoryEntry
            {
                TenantId = member.TenantId, ProfileId = member.ProfileId, TagId = tagId, TagName = tag?.Name ?? "", Given = false, Cause = why,
                By = TagHistoryEntry.Fit(by), At = now,
            });
            if (weComTagId is not null) db.Publish(new WeComMarksWanted(member.TenantId, member.ProfileId, [], [weComTagId]), now);
        }
        return holding.Count;
    }
}
