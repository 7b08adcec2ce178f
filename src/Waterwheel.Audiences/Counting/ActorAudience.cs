using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Indexing;
using Waterwheel.Audiences.Segments;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Counting;

/// <summary>
/// The acting user's view of their tenant's index: the part of it their data scope holds, as Customers draws it — a
/// dealer admin the customers of the stores under their unit, a store manager the store's, a guide their own; head
/// office all, dealers' customers included (counted, not shown) — and the tenant's today.
/// </summary>
internal sealed class ActorAudience(ActorContext actor, AudienceIndexes indexes, Members.MemberBackfill backfill, IOrganisationDirectory directory,
    ITenantZone zone, TimeProvider time)
{
    /// <summary>A store id no store has: the scope of an actor whose unit holds no store matches no one.</summary>
    private const string NoStore = "none";

    public Guid TenantId => actor.TenantId ?? throw new InvalidOperationException("Audiences are asked by a tenant's actor.");

    public async Task<AudienceIndex> Index(CancellationToken ct)
    {
        var index = await indexes.For(TenantId, ct);
        // A tenant whose customers predate the module has no members yet: they are filled from the Customers module once.
        if (index.CustomerCount == 0) backfill.Ask(TenantId);
        return index;
    }

    private DateOnly? _today;
    private (Segment? Condition, bool Known) _scope;

    /// <summary>The tenant's calendar day, asked once per request: a list counts many segments against the same day.</summary>
    public async Task<DateOnly> Today(CancellationToken ct) => _today ??= TenantTime.Day(time.GetUtcNow().UtcDateTime, await zone.Current(ct));

    /// <summary>The condition that holds the actor's customers, or null for the whole tenant; worked out once per request.</summary>
    public async Task<Segment?> Scope(CancellationToken ct)
    {
        if (!_scope.Known) _scope = (await ScopeCondition(ct), true);
        return _scope.Condition;
    }

    private async Task<Segment?> ScopeCondition(CancellationToken ct)
    {
        var scope = actor.Scope;
        switch (scope.Kind)
        {
            case ScopeKind.Tenant:
                return null;
            case ScopeKind.OrgUnit:
                var stores = (await directory.Stores(TenantId, ct)).Where(s => s.OrgPath.StartsWith(scope.Path, StringComparison.Ordinal))
                    .Select(s => s.StoreId.ToString("D")).ToArray();
                return new In("owner_store", stores.Length == 0 ? [NoStore] : stores);
            case ScopeKind.Store:
                return new In("owner_store", scope.StoreId?.ToString("D") ?? NoStore);
            case ScopeKind.Self:
                return new In("owner_staff", scope.StaffId?.ToString("D") ?? NoStore);
            default:
                return new In("owner_store", NoStore);
        }
    }

    public async Task<ulong> Count(Segment segment, CancellationToken ct)
    {
        var index = await Index(ct);
        return index.Count(segment, await Today(ct), await Scope(ct));
    }

    /// <summary>The segment's customers within the actor's scope; the caller disposes them.</summary>
    public async Task<AudienceMembers> Materialise(Segment segment, CancellationToken ct)
    {
        var index = await Index(ct);
        return index.Materialise(segment, await Today(ct), await Scope(ct));
    }
}
