using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// Which members the actor may reach as people, by the Customers module's rule (seed 004): head office counts a dealer's
/// customers but does not see or touch them unless the dealer shares them; everyone else reaches all their scope holds.
/// Asked once per request, fresh, so a dealer who stops sharing is obeyed at once.
/// </summary>
internal sealed class PersonVisibility(ActorContext actor, IOrganisationDirectory directory)
{
    private IReadOnlySet<Guid>? _sharing;

    public async Task<bool> Reaches(Member member, CancellationToken ct)
    {
        if (member.OwnerDealer is null || actor.IsSystem || actor.Scope.Kind != ScopeKind.Tenant) return true;
        _sharing ??= await directory.DealersSharingCustomers(actor.TenantId ?? Guid.Empty, ct);
        return Guid.TryParse(member.OwnerDealer, out var dealer) && _sharing.Contains(dealer);
    }

    /// <summary>The member of a profile the actor's scope holds and whose person the actor may reach, or null (answered as not found).</summary>
    public async Task<Member?> Find(AudiencesDbContext db, Guid profileId, CancellationToken ct) =>
        await db.Members.FirstOrDefaultAsync(m => m.ProfileId == profileId, ct) is { } member && await Reaches(member, ct) ? member : null;
}
