using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// Makes the members' truth agree with what the Customers module says of some profiles, appending to the change log in
/// the same transaction: a profile seen for the first time gets the tenant's next ordinal, a changed one its new
/// values, one gone (merged away, erased) leaves every table and the index, its ordinal retired for good.
/// </summary>
internal sealed class MemberWriter(AudiencesDbContext db, TimeProvider time)
{
    /// <summary>Each profile id with its facts now, or null when it is gone. Returns how many members changed.</summary>
    public Task<int> Write(IReadOnlyList<(Guid ProfileId, CustomerFacts? Facts)> profiles, FieldCatalog catalog, CancellationToken ct) =>
        db.Retrying(() => WriteOnce(profiles, catalog, ct), ct);

    private async Task<int> WriteOnce(IReadOnlyList<(Guid ProfileId, CustomerFacts? Facts)> profiles, FieldCatalog catalog, CancellationToken ct)
    {
        var tenant = db.CurrentTenant ?? throw new InvalidOperationException("Members are written as a tenant's actor.");
        var now = time.GetUtcNow().UtcDateTime;
        var ids = profiles.Select(p => p.ProfileId).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.ProfileId)).ToDictionaryAsync(m => m.ProfileId, ct);
        var newcomers = profiles.Where(p => p.Facts is not null && !members.ContainsKey(p.ProfileId)).Select(p => p.ProfileId).Distinct().ToList();
        var next = await ReserveOrdinals(tenant, newcomers.Count, ct);
        var changed = 0;
        foreach (var (profileId, facts) in profiles.DistinctBy(p => p.ProfileId))
        {
            members.TryGetValue(profileId, out var member);
            if (facts is null)
            {
                if (member is null) continue;
                await Retire(member, now, ct);
                changed++;
                continue;
            }
            var values = MemberRecords.Values(facts, catalog);
            if (member is null)
            {
                member = new Member { TenantId = tenant, Ordinal = next++, ProfileId = profileId };
                MemberRecords.Apply(member, values, catalog, facts.OwnerOrgPath);
                db.Members.Add(member);
            }
            else if (!MemberRecords.Apply(member, values, catalog, facts.OwnerOrgPath)) continue;
            db.Changes.Add(new MemberChange
            {
                TenantId = tenant, Ordinal = member.Ordinal, Kind = MemberChangeKind.Values, Values = MemberRecords.Write(values, catalog), At = now,
            });
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// The first of <paramref name="count"/> fresh ordinals. The counter moves in the database before it is read: the move
    /// holds the counter's row for the rest of the transaction, so a node reserving at the same time waits and reserves
    /// after this one, rather than both handing out the same ordinals and one failing on the members' key. Only the
    /// tenant's first reservation races (two inserts of the counter), and the unique key and a retry settle it.
    /// </summary>
    private async Task<int> ReserveOrdinals(Guid tenant, int count, CancellationToken ct)
    {
        if (count == 0) return 0;
        var counters = db.OrdinalCounters.Where(c => c.TenantId == tenant);
        if (await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), ct) == 0)
        {
            db.OrdinalCounters.Add(new OrdinalCounter { TenantId = tenant, Last = count });
            return 1;
        }
        return await counters.Select(c => c.Last).SingleAsync(ct) - count + 1;
    }

    private async Task Retire(Member member, DateTime now, CancellationToken ct)
    {
        await db.MemberTags.Where(t => t.Ordinal == member.Ordinal).ExecuteDeleteAsync(ct);
        await db.CustomerTags.Where(t => t.ProfileId == member.ProfileId).ExecuteDeleteAsync(ct);
        // A merged profile handed its history to the survivor first; an erased person's goes with them.
        await db.TagHistory.Where(h => h.ProfileId == member.ProfileId).ExecuteDeleteAsync(ct);
        db.Members.Remove(member);
        db.Changes.Add(new MemberChange { TenantId = member.TenantId, Ordinal = member.Ordinal, Kind = MemberChangeKind.Remove, At = now });
    }
}
