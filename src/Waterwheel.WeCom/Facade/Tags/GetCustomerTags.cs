using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>The stored corp tags on each active relationship of one customer, earliest relationship first.</summary>
internal sealed class GetCustomerTags(WeComDbContext db)
{
    public async Task<IReadOnlyList<RelationTagSet>> Handle(string externalUserId, CancellationToken ct)
    {
        var staff = await db.Relations.AsNoTracking().Where(r => r.ExternalUserId == externalUserId && r.Status == RelationStatus.Active)
            .OrderBy(r => r.AddedAt).Select(r => r.StaffUserId).ToListAsync(ct);
        var tags = (await db.RelationTags.AsNoTracking().Where(t => t.ExternalUserId == externalUserId).ToListAsync(ct)).ToLookup(t => t.StaffUserId);
        return staff.Select(s => new RelationTagSet(s, tags[s].Select(t => t.TagId).Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
