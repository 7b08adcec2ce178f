using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// The member of a profile. One the Customers module holds but this module has not written yet (the profile's change
/// event is still on its way) is written now, from the façade, as that event would write it.
/// </summary>
internal sealed class MemberLookup(AudiencesDbContext db, ICustomerFacts facts, MemberWriter writer)
{
    public async Task<Member?> Find(Guid profileId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ProfileId == profileId, ct);
        if (member is not null) return member;
        var current = await facts.Find(profileId, ct);
        if (current is null) return null;
        await writer.Write([(profileId, current)], await TenantCatalog.Load(facts, ct), ct);
        return await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ProfileId == profileId, ct);
    }
}
