using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tags;

/// <summary>
/// The tags one staff member has put on one customer. WeCom always reports the whole set (tag_id[] in batch sync,
/// tags[] in externalcontact/get), so the stored set is replaced, never merged; a difference from what was stored is
/// announced in the same unit of work. Marks made through the façade write the set before WeCom is read again, so
/// reading them back finds no difference and nothing echoes.
/// </summary>
internal sealed class CustomerTags(WeComDbContext db, CorpTagNames names, TimeProvider time)
{
    public async Task Replace(Guid tenantId, string externalUserId, string staffUserId, IEnumerable<string?> tagIds, CustomerTagsCause cause,
        CancellationToken ct)
    {
        var wanted = tagIds.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToHashSet();
        var stored = await db.RelationTags.Where(t => t.ExternalUserId == externalUserId && t.StaffUserId == staffUserId).ToListAsync(ct);
        var removed = stored.Where(t => !wanted.Contains(t.TagId)).ToList();
        var added = wanted.Except(stored.Select(t => t.TagId)).Order(StringComparer.Ordinal).ToList();
        db.RelationTags.RemoveRange(removed);
        foreach (var tagId in added)
            db.RelationTags.Add(new RelationTag { TenantId = tenantId, ExternalUserId = externalUserId, StaffUserId = staffUserId, TagId = tagId });

        var now = time.GetUtcNow().UtcDateTime;
        var all = wanted.Order(StringComparer.Ordinal).ToList();
        var gone = removed.Select(t => t.TagId).Order(StringComparer.Ordinal).ToList();
        if (cause == CustomerTagsCause.FirstSeen ? all.Count == 0 : added.Count + gone.Count == 0) return;
        if (cause == CustomerTagsCause.FirstSeen)
        {
            // The state as found, not news: nothing is reported as added today.
            added = [];
            gone = [];
        }
        var named = await names.Of(all.Concat(gone), ct);
        db.Publish(new CustomerTagsChanged(tenantId, externalUserId, staffUserId, all, added, gone, named, cause, now), now);
    }
}
