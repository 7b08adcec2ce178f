using Waterwheel.Customers.Identity.Graph;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Identity.Merging;

/// <summary>
/// Undoes a merge from the survivor's history: what moved goes back to the merged profile, which is listed again
/// under its own id, and both owners are decided again. Relationships follow their external_userid, so a
/// relationship that began on the survivor after the merge through the restored profile's contact goes with it;
/// timeline lines written after the merge stay where they were written. The merge's evidence keeps the two apart
/// from then on (see <see cref="Separation"/>).
/// </summary>
internal sealed class UndoMerge(CustomersDbContext db, Consent.ConsentLedger consents, ActorContext actor, ProfileOwners owners, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<MergeView>> Handle(Guid profileId, Guid mergeId, CancellationToken ct)
    {
        var survivor = await db.Profiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
        var merge = survivor is null ? null : await db.Merges.FirstOrDefaultAsync(m => m.Id == mergeId && m.SurvivorId == profileId, ct);
        if (survivor is null || merge is null) return Error.NotFound("Merge");
        if (merge.UndoneAt is not null) return Error.Conflict("merge_already_undone", CustomersText.Get("MergeAlreadyUndone"));
        var merged = await db.Profiles.IgnoreQueryFilters().SingleAsync(p => p.TenantId == survivor.TenantId && p.Id == merge.MergedId, ct);
        // A later merge of the restored profile's rows elsewhere would leave them out of reach; it has to be undone first.
        if (merged.MergedIntoId != survivor.Id)
            return Error.Conflict("merge_not_last", CustomersText.Get("MergeNotLast"));

        var identities = (await db.Identities.Of(survivor.Id, ct)).Where(i => merge.MovedIdentities.Contains(i.Id)).ToList();
        foreach (var identity in identities) identity.ProfileId = merged.Id;
        var contacts = identities.Where(i => i.Type == IdentityType.WeComExternalUserId).Select(i => i.Key).ToHashSet();
        foreach (var relationship in (await db.Relationships.Of(survivor.Id, ct))
                     .Where(r => merge.MovedRelationships.Contains(r.Id) || contacts.Contains(r.ExternalUserId)))
            relationship.ProfileId = merged.Id;
        var moved = merge.MovedTimeline.ToHashSet();
        var lines = await db.Timeline.Of(survivor.Id, ct);
        foreach (var line in lines.Where(t => moved.Contains(t.Id))) line.ProfileId = merged.Id;
        var movedConsents = merge.MovedConsents.ToHashSet();
        foreach (var record in (await consents.Of(survivor.Id, ct)).Where(c => movedConsents.Contains(c.Id))) record.ProfileId = merged.Id;
        // Order figures follow their order lines back: each profile counts again what it now holds.
        OrderEvents.Recount(survivor, lines.Where(t => t.ProfileId == survivor.Id));
        OrderEvents.Recount(merged, lines.Where(t => t.ProfileId == merged.Id));

        merged.MergedIntoId = null;
        await owners.Recompute(survivor, ct);
        await owners.Recompute(merged, ct);
        var now = time.GetUtcNow().UtcDateTime;
        (merge.UndoneAt, merge.UndoneBy) = (now, actor.StaffId);
        Line(survivor, merged.Id, $"merge-undo:{merge.Id}:survivor", now);
        Line(merged, survivor.Id, $"merge-undo:{merge.Id}:merged", now);
        await db.SaveChangesAsync(ct);
        // Splitting two profiles changes who the brand thinks a person is; the line names the merge and the profiles by id
        // only (the actor is recorded by the audit log), never an identifier that caused it.
        await audit.RecordNowAsync(AuditActions.MergeUndone, "profile_merge", merge.Id.ToString(),
            $"merge {merge.Id} undone: profile {merged.Id} split off from {survivor.Id}", ct);
        return MergeView.Of(merge);
    }

    private void Line(CustomerProfile profile, Guid other, string sourceKey, DateTime at) => db.Timeline.Add(new TimelineEntry
    {
        TenantId = profile.TenantId, ProfileId = profile.Id, OccurredAt = at, Kind = TimelineKind.MergeUndone, Detail = other.ToString(), SourceKey = sourceKey,
    });

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/profiles/{id:guid}/merges/{mergeId:guid}/undo", async (Guid id, Guid mergeId, UndoMerge handler, CancellationToken ct) =>
            (await handler.Handle(id, mergeId, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("UndoCustomerMerge")
        .WithSummary("Undoes a merge into this customer's profile: the merged profile is restored with its identifiers, relationships and timeline");
}
