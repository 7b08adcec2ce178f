using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Identity.Rules;

/// <summary>One identifier type's rule as it applies to the tenant: its own setting, or the default.</summary>
public sealed record IdentityRuleView(IdentityType Type, int MaxPerProfile, int Priority, bool MayMerge, bool Customised, int Version);

/// <summary>The identity-graph rule of every identifier type, strongest first.</summary>
internal sealed class ListIdentityRules(CustomersDbContext db)
{
    public async Task<IReadOnlyList<IdentityRuleView>> Handle(CancellationToken ct)
    {
        var own = await db.IdentityRuleSettings.AsNoTracking().ToDictionaryAsync(r => r.Type, ct);
        return Enum.GetValues<IdentityType>().Select(type =>
            {
                if (own.TryGetValue(type, out var r)) return new IdentityRuleView(type, r.MaxPerProfile, r.Priority, r.MayMerge, true, r.Version);
                var d = IdentityRules.Standard.For(type);
                return new IdentityRuleView(type, d.MaxPerProfile, d.Priority, d.MayMerge, false, 0);
            })
            .OrderBy(v => v.Priority).ThenBy(v => v.Type).ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/identity-rules", async (ListIdentityRules handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListIdentityRules")
        .WithSummary("The identity graph's rule per identifier type: maximum per profile, priority, whether it may merge profiles");
}
