using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Overview;

/// <summary>
/// Counts relationships begun and lost per local day over the last N days, and ranks stores and guides by net adds.
/// A relationship counts where it was made (its store and guide), not where its customer is owned today: a dealer sees
/// the customers its stores lost even after they stopped being its customers. Head office counts dealer-owned
/// customers too: these are figures, not people.
/// </summary>
internal sealed class GetGrowthOverview(CustomersDbContext db, ActorContext actor, OrganisationFacts organisation, IOrganisationDirectory directory, ITenantZone zone, TimeProvider time)
{
    public const int MaxDays = 90;
    private const int Leaders = 5;

    public async Task<Result<GrowthOverview>> Handle(int? days, CancellationToken ct)
    {
        var span = days ?? 30;
        if (span is < 1 or > MaxDays) return Error.Invalid("days", CustomersText.Format("GrowthDays", MaxDays));
        var tenant = actor.TenantId ?? Guid.Empty;
        var tz = await zone.Current(ct);
        var today = TenantTime.Day(time.GetUtcNow().UtcDateTime, tz);
        var first = today.AddDays(1 - span);
        var from = TenantTime.StartOfDayUtc(first, tz);
        var inScope = await InScope(ct);
        var rows = await inScope.Where(r => r.AddedAt >= from || (r.Status == RelationshipStatus.Lost && r.EndedAt >= from))
            .Select(r => new { r.AddedAt, r.EndedAt, r.Status, r.StoreId, r.StaffId }).ToListAsync(ct);
        var active = await inScope.CountAsync(r => r.Status == RelationshipStatus.Active, ct);

        var moves = rows.SelectMany(r => new[]
            {
                r.AddedAt >= from ? new Move(TenantTime.Day(r.AddedAt, tz), r.StoreId, r.StaffId, Added: true) : null,
                r.Status == RelationshipStatus.Lost && r.EndedAt is { } ended && ended >= from ? new Move(TenantTime.Day(ended, tz), r.StoreId, r.StaffId, Added: false) : null,
            }).OfType<Move>().Where(m => m.Day <= today).ToList();
        var byDay = moves.ToLookup(m => m.Day);
        var trend = Enumerable.Range(0, span).Select(i => first.AddDays(i))
            .Select(d => new GrowthDay(d, byDay[d].Count(m => m.Added), byDay[d].Count(m => !m.Added))).ToList();

        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);
        var topStores = Rank(moves.Where(m => m.StoreId is not null).GroupBy(m => m.StoreId!.Value),
            id => stores.GetValueOrDefault(id) is { } s ? (s.Name, null) : null);
        var topGuides = Rank(moves.Where(m => m.StaffId is not null).GroupBy(m => m.StaffId!.Value),
            id => staff.GetValueOrDefault(id) is { } s ? (s.Name, s.StoreName) : null);
        return new GrowthOverview(today, active, trend, topStores, topGuides);
    }

    private sealed record Move(DateOnly Day, Guid? StoreId, Guid? StaffId, bool Added);

    /// <summary>Relationships are kept per tenant only; the viewer's scope is applied here by where each was made.</summary>
    private async Task<IQueryable<CustomerRelationship>> InScope(CancellationToken ct)
    {
        var rows = db.Relationships.AsNoTracking();
        if (actor.Scope.Kind == ScopeKind.Self) return rows.Where(r => r.StaffId == actor.Scope.StaffId);
        if (await directory.StoresInScope(actor, ct) is not { } stores) return rows;
        var ids = stores.Select(id => (Guid?)id).ToList();
        return rows.Where(r => ids.Contains(r.StoreId));
    }

    private static List<GrowthLeader> Rank(IEnumerable<IGrouping<Guid, Move>> groups, Func<Guid, (string Name, string? Store)?> name) =>
        groups.Select(g => (g.Key, Added: g.Count(m => m.Added), Lost: g.Count(m => !m.Added), Named: name(g.Key)))
            .Where(g => g.Named is not null)
            .Select(g => new GrowthLeader(g.Key, g.Named!.Value.Name, g.Named.Value.Store, g.Added, g.Lost))
            .OrderByDescending(l => l.Net).ThenByDescending(l => l.Added).ThenBy(l => l.Name, StringComparer.Ordinal).Take(Leaders).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/overview", async (int? days, GetGrowthOverview handler, CancellationToken ct) => (await handler.Handle(days, ct)).ToOk())
        .RequireAuthorization(Permissions.InsightsRead)
        .ProducesValidationProblem()
        .WithName("GetGrowthOverview")
        .WithSummary("New, lost and net WeCom customers per day in the viewer's scope and the brand's time zone, with the top stores and guides by net adds (days: 1–90, default 30)");
}
