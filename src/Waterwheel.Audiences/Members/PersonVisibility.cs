using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// Which members the actor may reach as people, by the Customers module's rule (seed 004): head office counts a dealer's
/// customers but does not see or touch them unless the dealer shares them; everyone else reaches all their scope holds.
/// Asked once per request, fresh, so a dealer who stops sharing is obeyed at once.
/// </summary>
internal sealed class PersonVisibility(ActorContext actor, IOrganisationDirectory directory, MemberLookup lookup)
{
    private IReadOnlySet<Guid>? _sharing;

    public async Task<bool> Reaches(Member member, CancellationToken ct)
    {
        if (member.OwnerDealer is null || actor.IsSystem || actor.Scope.Kind != ScopeKind.Tenant) return true;
        _sharing ??= await directory.DealersSharingCustomers(actor.TenantId ?? Guid.Empty, ct);
        return Guid.TryParse(member.OwnerDealer, out var dealer) && _sharing.Contains(dealer);
    }

    /// <summary>
    /// The member of a profile the actor's scope holds and whose person the actor may reach, or null (answered as not
    /// found). A profile the Customers module made a moment ago, whose event has not reached this module yet, is taken in
    /// now, so that an operator who opens a new customer can tag them at once.
    /// </summary>
    public async Task<Member?> Find(AudiencesDbContext db, Guid profileId, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.ProfileId == profileId, ct);
        if (member is null && await lookup.Find(profileId, ct) is not null) member = await db.Members.FirstOrDefaultAsync(m => m.ProfileId == profileId, ct);
        return member is not null && await Reaches(member, ct) ? member : null;
    }

    /// <summary>
    /// <see cref="Find"/> for many profiles at once: one query for the members this module already holds, and the
    /// one-by-one path only for profiles not yet taken in. Profiles the actor may not reach are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Member>> FindMany(AudiencesDbContext db, IReadOnlyCollection<Guid> profileIds, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Member>();
        var held = await db.Members.Where(m => profileIds.Contains(m.ProfileId)).ToListAsync(ct);
        foreach (var member in held)
            if (await Reaches(member, ct)) found[member.ProfileId] = member;
        var heldIds = held.Select(m => m.ProfileId).ToHashSet();
        foreach (var missing in profileIds.Where(id => !heldIds.Contains(id)))
            if (await Find(db, missing, ct) is { } member) found[missing] = member;
        return found;
    }
}
