using Waterwheel.Platform.Contracts;

namespace Waterwheel.Platform.Tenancy;

/// <summary>
/// The stores and WeCom staff an actor's data scope holds, for modules that count rows by where they were made (a
/// relationship's staff member, an arrival's store) rather than by a column of their own that the scope filters.
/// Null means the whole brand, so callers add no filter at all.
/// </summary>
public static class ScopedOrganisation
{
    public static async Task<IReadOnlySet<Guid>?> StoresInScope(this IOrganisationDirectory directory, ActorContext actor, CancellationToken ct)
    {
        var scope = actor.Scope;
        switch (scope.Kind)
        {
            case ScopeKind.Tenant:
                return null;
            case ScopeKind.OrgUnit:
                return (await directory.Stores(actor.TenantId ?? Guid.Empty, ct))
                    .Where(s => s.OrgPath.StartsWith(scope.Path, StringComparison.Ordinal)).Select(s => s.StoreId).ToHashSet();
            case ScopeKind.Store when scope.StoreId is { } store:
                return new HashSet<Guid> { store };
            default:
                // A guide's scope is themself, not a store; no scope holds nothing.
                return new HashSet<Guid>();
        }
    }

    /// <summary>The WeCom userids of the staff in the scope: a dealer's stores' staff, a store's, or the guide alone.</summary>
    public static async Task<IReadOnlyList<string>?> WeComStaffInScope(this IOrganisationDirectory directory, ActorContext actor, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (scope.Kind == ScopeKind.Tenant) return null;
        if (scope.Kind == ScopeKind.None) return [];
        var staff = await directory.WeComStaff(actor.TenantId ?? Guid.Empty, ct);
        if (scope.Kind == ScopeKind.Self) return staff.Where(s => s.StaffId == scope.StaffId).Select(s => s.WeComUserId).ToList();
        var stores = await directory.StoresInScope(actor, ct);
        return staff.Where(s => s.StoreId is { } store && stores!.Contains(store)).Select(s => s.WeComUserId).ToList();
    }
}
