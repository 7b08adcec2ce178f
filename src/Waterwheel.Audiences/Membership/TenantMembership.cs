using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Indexing;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Json;
using Waterwheel.Audiences.Tags;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Membership;

/// <summary>
/// One tenant's round of <see cref="MembershipTracker"/>: each saved segment's members now, against those last seen,
/// announced as enter and exit events in the transaction that stores the new members; each rule tag given to whoever
/// matches and does not hold it, and taken from whoever holds it by the rule and no longer matches.
/// </summary>
internal sealed class TenantMembership(AudiencesDbContext db, AudienceIndexes indexes, ITenantZone zone, IOrganisationDirectory directory, TagWriter writer,
    TimeProvider time)
{
    private const int Batch = 2_000;

    /// <summary>A store id no store has: a segment owned by a unit with no store matches no one.</summary>
    private const string NoStore = "none";

    public async Task Update(long sequence, CancellationToken ct)
    {
        var tenant = db.CurrentTenant ?? throw new InvalidOperationException("Membership is kept as a tenant's actor.");
        var index = await indexes.For(tenant, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = TenantTime.Day(now, await zone.Current(ct));
        var watched = await Watched(index.Catalog, ct);
        var states = await db.WatchStates.ToDictionaryAsync(w => w.Id, ct);
        foreach (var watch in watched)
        {
            var state = states.GetValueOrDefault(watch.Id);
            var hash = watch.Hash;
            // Evaluated already on an index at least as current, today, as it stands: nothing can have changed.
            if (state is not null && (state.Sequence > sequence || (state.Sequence == sequence && state.Day == today && state.ExpressionHash == hash))) continue;
            using var members = index.Materialise(watch.Condition, today, await Scope(tenant, watch.OwnerOrgPath, ct));
            if (watch.Kind == WatchKind.RuleTag) await KeepRuleTag(watch.Id, members.Bitmap, index, today, ct);
            await Record(watch, state, members.Bitmap, hash, sequence, today, now, ct);
        }
        var gone = states.Keys.Except(watched.Select(w => w.Id)).ToList();
        if (gone.Count > 0) await db.WatchStates.Where(w => gone.Contains(w.Id)).ExecuteDeleteAsync(ct);
    }

    private async Task<List<Watched>> Watched(FieldCatalog catalog, CancellationToken ct)
    {
        var watched = new List<Watched>();
        foreach (var s in await db.Segments.AsNoTracking().Select(s => new { s.Id, s.Expression, s.OwnerOrgPath }).ToListAsync(ct))
            if (SegmentJson.Read(s.Expression, catalog) is { IsSuccess: true } read) watched.Add(new(s.Id, WatchKind.Segment, read.Value!, s.Expression, s.OwnerOrgPath));
        foreach (var t in await db.Tags.AsNoTracking().Where(t => t.Rule != null).Select(t => new { t.Id, t.Rule }).ToListAsync(ct))
            if (SegmentJson.Read(t.Rule!, catalog) is { IsSuccess: true } read) watched.Add(new(t.Id, WatchKind.RuleTag, read.Value!, t.Rule!, "/"));
        return watched;
    }

    /// <summary>
    /// Stores the members now and, for a segment seen before, announces who entered and who left in the same
    /// transaction: a node that dies before the commit leaves the old members, and the next round announces the same.
    /// </summary>
    private async Task Record(Watched watch, WatchState? state, Roaring32Bitmap members, string hash, long sequence, DateOnly today, DateTime now,
        CancellationToken ct) => await db.Atomically(async () =>
    {
        if (watch.Kind == WatchKind.Segment && state is not null && PortableBitmap.Read(state.Members) is { IsSuccess: true } read)
        {
            using var before = read.Value!;
            using var entered = members.AndNot(before);
            using var left = before.AndNot(members);
            await Announce(watch.Id, entered, true, now, ct);
            await Announce(watch.Id, left, false, now, ct);
        }
        if (state is null)
        {
            state = new WatchState { Id = watch.Id, TenantId = db.CurrentTenant!.Value, Kind = watch.Kind };
            db.WatchStates.Add(state);
        }
        // A rule tag is diffed against the tag's holders, not against what was stored: its members would be read by no one.
        var kept = watch.Kind == WatchKind.Segment ? PortableBitmap.Write(members) : [];
        (state.ExpressionHash, state.Members, state.Sequence, state.Day, state.UpdatedAt) = (hash, kept, sequence, today, now);
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);

    private async Task Announce(Guid segmentId, Roaring32Bitmap ordinals, bool entered, DateTime now, CancellationToken ct)
    {
        // A member retired since (merged away, erased) has no profile to announce: it left every segment with its profile.
        foreach (var chunk in ordinals.ToArray().Select(o => (int)o).Chunk(Batch))
            foreach (var profile in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Ordinal)).Select(m => m.ProfileId).ToListAsync(ct))
                db.Publish(new SegmentMembershipChanged(db.CurrentTenant!.Value, segmentId, profile, entered, now), now);
    }

    /// <summary>
    /// Gives the rule tag to whoever matches and holds it not (for any cause), and takes it from whoever holds it by the
    /// rule and matches no more; a tag given by hand stays. Worked out against the tag as it is, so a round cut short
    /// is finished by the next one.
    /// </summary>
    private async Task KeepRuleTag(Guid tagId, Roaring32Bitmap matching, AudienceIndex index, DateOnly today, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId, ct);
        if (tag is null) return;
        using var holders = index.Materialise(new HasTag(tagId), today);
        using var entering = matching.AndNot(holders.Bitmap);
        using var leaving = holders.Bitmap.AndNot(matching);
        foreach (var chunk in entering.ToArray().Select(o => (int)o).Chunk(Batch))
        {
            var members = await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Ordinal)).ToListAsync(ct);
            var held = await db.CustomerTags.AsNoTracking().Where(t => t.TagId == tagId && members.Select(m => m.ProfileId).Contains(t.ProfileId))
                .Select(t => t.ProfileId).ToListAsync(ct);
            await writer.Give(tag, members.Where(m => !held.Contains(m.ProfileId)).ToList(), TagCause.Rule, AudienceText.Get("RuleTagger"), ct);
        }
        foreach (var chunk in leaving.ToArray().Select(o => (int)o).Chunk(Batch))
        {
            var members = await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Ordinal)).ToListAsync(ct);
            var byRule = await db.CustomerTags.AsNoTracking()
                .Where(t => t.TagId == tagId && t.Cause == TagCause.Rule && members.Select(m => m.ProfileId).Contains(t.ProfileId)).Select(t => t.ProfileId).ToListAsync(ct);
            await writer.Take(tagId, members.Where(m => byRule.Contains(m.ProfileId)).ToList(), ct, why: TagChangeCause.Rule,
                by: AudienceText.Get("RuleTagger"));
        }
    }

    private async Task<Segment?> Scope(Guid tenant, string ownerOrgPath, CancellationToken ct)
    {
        if (ownerOrgPath == "/") return null;
        var stores = (await directory.Stores(tenant, ct)).Where(s => s.OrgPath.StartsWith(ownerOrgPath, StringComparison.Ordinal))
            .Select(s => s.StoreId.ToString("D")).ToArray();
        return new In("owner_store", stores.Length == 0 ? [NoStore] : stores);
    }
}
