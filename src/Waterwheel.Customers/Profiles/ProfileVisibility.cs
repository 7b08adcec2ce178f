using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Profiles;

/// <summary>
/// Head office counts a dealer's customers but does not see them (seed 004: the fans are held by the dealer), unless the
/// dealer chose to share their details. The data scope already keeps other dealers' customers out of a dealer's view;
/// this decides, for a visible profile, whether the person behind it may be shown. The dealers' choices are asked once
/// per request, fresh, so that a dealer who stops sharing is obeyed at once.
/// </summary>
internal sealed class ProfileVisibility(ActorContext actor, IOrganisationDirectory directory)
{
    private IReadOnlySet<Guid>? _sharing;

    /// <summary>Everyone in the actor's scope is shown: a dealer's, store's or guide's own customers, or the system.</summary>
    public bool SeesEveryone => actor.IsSystem || actor.Scope.Kind != ScopeKind.Tenant;

    /// <summary>The dealers whose customers head office sees in full.</summary>
    public async Task<IReadOnlySet<Guid>> SharingDealers(CancellationToken ct) =>
        SeesEveryone ? new HashSet<Guid>() : _sharing ??= await directory.DealersSharingCustomers(actor.TenantId ?? Guid.Empty, ct);

    public async Task<bool> ShowsPerson(Guid? ownerDealerId, CancellationToken ct) =>
        ownerDealerId is not { } dealer || SeesEveryone || (await SharingDealers(ct)).Contains(dealer);
}
