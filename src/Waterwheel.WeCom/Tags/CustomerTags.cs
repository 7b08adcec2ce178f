namespace Waterwheel.WeCom.Tags;

/// <summary>
/// The tags one staff member has put on one customer. WeCom always reports the whole set (tag_id[] in batch sync,
/// tags[] in externalcontact/get), so the stored set is replaced, never merged.
/// </summary>
internal sealed class CustomerTags(WeComDbContext db)
{
    public async Task Replace(Guid tenantId, string externalUserId, string staffUserId, IEnumerable<string?> tagIds, CancellationToken ct)
    {
        var wanted = tagIds.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToHashSet();
        var stored = await db.RelationTags.Where(t => t.ExternalUserId == externalUserId && t.StaffUserId == staffUserId).ToListAsync(ct);
        db.RelationTags.RemoveRange(stored.Where(t => !wanted.Contains(t.TagId)));
        foreach (var tagId in wanted.Except(stored.Select(t => t.TagId)))
            db.RelationTags.Add(new RelationTag { TenantId = tenantId, ExternalUserId = externalUserId, StaffUserId = staffUserId, TagId = tagId });
    }
}
