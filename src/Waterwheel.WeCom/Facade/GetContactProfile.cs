using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade;

/// <summary>
/// A customer's profile from the stored contact and its active relations, which callbacks and the full sync keep
/// current; each follower is matched to the platform staff whose record names their WeCom userid.
/// </summary>
internal sealed class GetContactProfile(WeComDbContext db, IOrganisationDirectory directory)
{
    public async Task<ContactProfile?> Handle(Guid tenantId, string externalUserId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.ExternalUserId == externalUserId, ct);
        if (contact is null) return null;
        var relations = await db.Relations.AsNoTracking()
            .Where(r => r.ExternalUserId == externalUserId && r.Status == RelationStatus.Active)
            .OrderBy(r => r.AddedAt).ToListAsync(ct);
        IReadOnlyList<StaffRef> linkedStaff = relations.Count == 0 ? [] : await directory.WeComStaff(tenantId, ct);
        var staff = linkedStaff.ToLookup(s => s.WeComUserId);

        var followers = relations.Select(r =>
        {
            var linked = staff[r.StaffUserId].FirstOrDefault();
            return new ContactFollower(r.StaffUserId, linked?.StaffId, linked?.Name, linked?.StoreId, r.AddedAt, r.State, r.AddWay);
        }).ToList();
        return new ContactProfile(contact.ExternalUserId, contact.Name, contact.Avatar, contact.Gender, contact.UnionId, contact.Type,
            contact.CorpName, followers);
    }
}
