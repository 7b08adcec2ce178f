using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// What of the brand's WeCom people one viewer may see, by the staff member a row hangs on. <see cref="Staff"/> is the
/// staff in the viewer's data scope (null: the whole brand). <see cref="Named"/> is, for head office in a brand with
/// dealers that do not share, the staff whose customers it may see by name: everyone but the staff of those dealers'
/// stores. Other rows are counted and listed without name or external_userid, because a dealer's customers belong to
/// the dealer. An allow-list, not a block-list, so that a staff member who left (no longer in the directory) names no
/// one. Null: no one is unnamed. <see cref="HidesEveryone"/>: a viewer who reads customers only as figures (an analyst
/// holds no profile permission) sees no one's name.
/// </summary>
internal sealed record PeopleView(IReadOnlyList<string>? Staff, IReadOnlyList<string>? Named, bool HidesEveryone = false)
{
    public bool HoldsStaff(string userId) => Staff is null || Staff.Contains(userId);
    public bool Hides(string userId) => HidesEveryone || (Named is not null && !Named.Contains(userId));

    /// <summary>For queries: the allow-list (empty when there is none) and whether it applies.</summary>
    public (IReadOnlyList<string> Named, bool OnlyNamed) NamingRule => (Named ?? [], Named is not null);
}

/// <summary>Works out the <see cref="PeopleView"/> of the signed-in actor from the Platform's directory.</summary>
internal sealed class PeopleInView(IOrganisationDirectory directory, ActorContext actor)
{
    private PeopleView? _view;

    public async Task<PeopleView> Current(CancellationToken ct) => _view ??= await Build(ct);

    private async Task<PeopleView> Build(CancellationToken ct)
    {
        var staff = await directory.WeComStaffInScope(actor, ct);
        if (!actor.IsSystem && !actor.Has(Permissions.ProfilesRead)) return new PeopleView(staff, null, HidesEveryone: true);
        // A dealer, store or guide sees their own customers in full; the system (callbacks, jobs) sees everyone.
        if (staff is not null || actor.IsSystem) return new PeopleView(staff, null);
        var tenant = actor.TenantId ?? Guid.Empty;
        var sharing = await directory.DealersSharingCustomers(tenant, ct);
        var dealerStores = (await directory.Stores(tenant, ct))
            .Where(s => s.DealerId is { } dealer && !sharing.Contains(dealer)).Select(s => s.StoreId).ToHashSet();
        if (dealerStores.Count == 0) return new PeopleView(null, null);
        var named = (await directory.WeComStaff(tenant, ct))
            .Where(s => s.StoreId is not { } store || !dealerStores.Contains(store)).Select(s => s.WeComUserId).ToList();
        return new PeopleView(null, named);
    }
}
