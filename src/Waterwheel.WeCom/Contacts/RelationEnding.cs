namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Ends a relation once, and its tags with it; a repeated or late event for an already ended relation changes nothing.
/// </summary>
internal sealed class RelationEnding(WeComDbContext db, Tags.CustomerTags tags, TimeProvider time)
{
    /// <summary>
    /// Marks the relation ended, unsaved, so the caller can record what follows from it in the same unit of work.
    /// Returns the relation when this call ended it, or null when it had already ended.
    /// </summary>
    public async Task<FollowRelation?> End(Guid tenantId, string externalUserId, string userId, RelationStatus status, CancellationToken ct)
    {
        var relation = await db.Relations.FirstOrDefaultAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == userId, ct);
        if (relation is null)
        {
            relation = new FollowRelation { TenantId = tenantId, ExternalUserId = externalUserId, StaffUserId = userId };
            db.Relations.Add(relation);
        }
        if (relation.Status != RelationStatus.Active && relation.EndedAt is not null) return null;
        relation.Status = status;
        relation.EndedAt = time.GetUtcNow().UtcDateTime;
        // WeCom keeps corp tags per relationship: they go with it, and other modules hear that they went.
        await tags.Replace(tenantId, externalUserId, userId, [], Contracts.CustomerTagsCause.RelationEnded, ct);
        return relation;
    }
}
