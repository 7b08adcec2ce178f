using Waterwheel.Customers.Identity.Graph;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;
using Waterwheel.Customers.Timeline;

namespace Waterwheel.Customers.Identity.Merging;

/// <summary>
/// Carries out a merge the graph decided: every identity, relationship and timeline line of the merged profile moves
/// to the survivor, the survivor's owner is decided again from all relationships, and the history row lists what
/// moved. Changes are tracked (or pending, <see cref="PendingTimeline"/>), not executed, so the merge is saved in the caller's one transaction or not at all.
/// </summary>
internal sealed class ProfileMerger(
    CustomersDbContext db, Consent.ConsentLedger consents, ProfileOwners owners, PendingTimeline pending, TimeProvider time)
{
    public async Task<ProfileMerge> Merge(CustomerProfile survivor, CustomerProfile merged, IReadOnlyList<IdentifierKey> cause, string source, CancellationToken ct)
    {
        var identities = await Move(db.Identities, merged.Id, survivor.Id, ct);
        var relationships = await Move(db.Relationships, merged.Id, survivor.Id, ct);
        var timeline = await Move(db.Timeline, merged.Id, survivor.Id, ct);
        timeline.AddRange(pending.Move(merged.Id, survivor.Id));
        var consentRecords = await consents.Of(merged.Id, ct);
        foreach (var record in consentRecords) record.ProfileId = survivor.Id;
        merged.MergedIntoId = survivor.Id;
        survivor.Absorb(merged);
        await owners.Recompute(survivor, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var merge = new ProfileMerge
        {
            TenantId = survivor.TenantId, SurvivorId = survivor.Id, MergedId = merged.Id, MergedAt = now, Source = source,
            Cause = cause.Select(c => c.ToString()).ToList(),
            MovedIdentities = identities, MovedRelationships = relationships, MovedTimeline = timeline,
            MovedConsents = consentRecords.Select(c => c.Id).ToList(),
        };
        db.Merges.Add(merge);
        db.Timeline.Add(new TimelineEntry
        {
            TenantId = survivor.TenantId, ProfileId = survivor.Id, OccurredAt = now, Kind = TimelineKind.ProfileMerged,
            Detail = merged.Id.ToString(), SourceKey = $"merge:{merge.Id}",
        });
        return merge;
    }

    private static async Task<List<Guid>> Move<T>(DbSet<T> rows, Guid from, Guid to, CancellationToken ct) where T : class, IProfileRow
    {
        var moving = await rows.Of(from, ct);
        foreach (var row in moving) row.ProfileId = to;
        return moving.Select(r => r.Id).ToList();
    }
}
