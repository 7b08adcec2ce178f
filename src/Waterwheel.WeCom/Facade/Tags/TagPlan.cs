using Waterwheel.WeCom.Contacts;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>
/// Which relationships a customer's tag change goes through when the caller names no staff member. A customer
/// carries a tag when any active relationship does, so a tag to remove comes off each one that has it, and a tag to
/// add goes on the owning relationship (ADR 10: the earliest active one whose staff member has a store, else the
/// earliest active one) unless one carries it already.
/// </summary>
internal sealed class TagPlan(WeComDbContext db, IOrganisationDirectory directory)
{
    public sealed record Marks(string StaffUserId, IReadOnlyList<string> Add, IReadOnlyList<string> Remove);

    public async Task<IReadOnlyList<Marks>> For(Guid tenantId, string externalUserId, IReadOnlyList<string> add, IReadOnlyList<string> remove,
        CancellationToken ct)
    {
        var relations = await Active(externalUserId).OrderBy(r => r.AddedAt).ThenBy(r => r.StaffUserId).Select(r => r.StaffUserId).ToListAsync(ct);
        if (relations.Count == 0) return [];
        var carried = (await db.RelationTags.AsNoTracking().Where(t => t.ExternalUserId == externalUserId && relations.Contains(t.StaffUserId))
            .ToListAsync(ct)).ToLookup(t => t.StaffUserId, t => t.TagId);
        var missing = add.Where(tag => !relations.Any(r => carried[r].Contains(tag))).ToList();
        var owner = missing.Count > 0 ? await Owner(tenantId, relations, ct) : null;

        return relations
            .Select(r => new Marks(r, r == owner ? missing : [], remove.Where(tag => carried[r].Contains(tag)).ToList()))
            .Where(m => m.Add.Count + m.Remove.Count > 0)
            .ToList();
    }

    public Task<bool> HasActiveRelation(string externalUserId, CancellationToken ct) => Active(externalUserId).AnyAsync(ct);

    private IQueryable<FollowRelation> Active(string externalUserId) =>
        db.Relations.AsNoTracking().Where(r => r.ExternalUserId == externalUserId && r.Status == RelationStatus.Active);

    private async Task<string> Owner(Guid tenantId, IReadOnlyList<string> relationsByAge, CancellationToken ct)
    {
        var withStore = (await directory.WeComStaff(tenantId, ct)).Where(s => s.StoreId is not null).Select(s => s.WeComUserId).ToHashSet();
        return relationsByAge.FirstOrDefault(withStore.Contains) ?? relationsByAge[0];
    }
}
