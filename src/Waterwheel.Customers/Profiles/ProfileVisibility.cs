using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Profiles;

/// <summary>
/// Head office counts a dealer's customers but does not see them (seed 004: the fans are held by the dealer). The
/// data scope already keeps other dealers' customers out of a dealer's view; this decides, for a visible profile,
/// whether the person behind it may be shown.
/// </summary>
internal static class ProfileVisibility
{
    public static bool ShowsPerson(this ActorContext actor, Guid? ownerDealerId) =>
        ownerDealerId is null || actor.IsSystem || actor.Scope.Kind != ScopeKind.Tenant;

    /// <summary>For queries: whether the actor sees only the people of head-office-run stores in full.</summary>
    public static bool SeesDealerPeople(this ActorContext actor) => actor.IsSystem || actor.Scope.Kind != ScopeKind.Tenant;
}
