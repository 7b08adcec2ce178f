using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// What of the brand's WeCom people one viewer may see, by the staff member a row hangs on. <see cref="Staff"/> is the
/// staff in the viewer's data scope (null: the whole brand). <see cref="Hidden"/> is, for head office, the staff of
/// dealer-run stores whose dealer does not share: their customers are counted and listed, but without name or
/// external_userid, because a dealer's customers belong to the dealer. <see cref="HidesEveryone"/>: a viewer who reads
/// customers only as figures (an analyst holds no profile permission) sees no one's name.
/// </summary>
internal sealed record PeopleView(IReadOnlyList<string>? Staff, IReadOnlyList<string> Hidden, bool HidesEveryone = false)
{
    public bool HoldsStaff(string userId) => Staff is null || Staff.Contains(userId);
    public bool Hides(string userId) => HidesEveryone || Hidden.Contains(userId);
}

/// <summary>Works out the <see cref="PeopleView"/> of the signed-in actor from the Platform's directory.</summary>
internal sealed class PeopleInView(IOrganisationDirectory directory, ActorContext actor)
{
    private PeopleView? _view;

    public async Task<PeopleView> Current(CancellationToken ct) => _view ??= await Build(ct);

    private async Task<PeopleView> Build(CancellationToken ct)
    {
        var staff = await directory.WeComStaffInScope(actor, ct);
        if (!actor.IsSystem && !actor.Has(Permissions.ProfilesRead)) return new PeopleView(staff, [], HidesEveryone: true);
        // A dealer, store or guide sees their own customers in full; the system (callbacks, jobs) sees everyone.
        if (staff is not null || actor.IsSystem) return new PeopleView(staff, []);
        var tenant = actor.TenantId ?? Guid.Empty;
        var sharing = await directory.DealersSharingCustomers(tenant, ct);
        var dealerStores = (await directory.Stores(tenant, ct))
            .Where(s => s.DealerId is { } dealer && !sharing.Contains(dealer)).Select(s => s.StoreId).ToHashSet();
        if (dealerStores.Count == 0) return new PeopleView(null, []);
        var hidden = (await directory.WeComStaff(tenant, ct))
            .Where(s => s.StoreId is { } store && dealerStores.Contains(store)).Select(s => s.WeComUserId).ToList();
        return new PeopleView(null, hidden);
    }
}
