using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Identity.Merging;

/// <summary>
/// One merge in a profile's history. The cause is given by type only: its values are identifiers of the person,
/// which the 360 page shows (masked or not) in its identities list.
/// </summary>
public sealed record MergeView(
    Guid Id, Guid SurvivorId, Guid MergedId, DateTime MergedAt, string Source, IReadOnlyList<IdentityType> CausedBy,
    int IdentitiesMoved, int RelationshipsMoved, int TimelineMoved, DateTime? UndoneAt)
{
    internal static MergeView Of(ProfileMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.MergedAt, m.Source,
        m.Cause.Select(c => IdentifierKey.Parse(c).Type).Distinct().ToList(), m.MovedIdentities.Count, m.MovedRelationships.Count,
        m.MovedTimeline.Count, m.UndoneAt);
}

/// <summary>The merges a profile took part in, newest first; reached only through a profile the actor may see.</summary>
internal sealed class ListMerges(CustomersDbContext db)
{
    public async Task<Result<IReadOnlyList<MergeView>>> Handle(Guid profileId, CancellationToken ct)
    {
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, ct)) return Error.NotFound("Customer");
        var merges = await db.Merges.AsNoTracking().Where(m => m.SurvivorId == profileId || m.MergedId == profileId)
            .OrderByDescending(m => m.MergedAt).ThenByDescending(m => m.Id).ToListAsync(ct);
        return merges.Select(MergeView.Of).ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/merges", async (Guid id, ListMerges handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerMerges")
        .WithSummary("The merges a customer's profile took part in, newest first, with whether each was undone");
}
