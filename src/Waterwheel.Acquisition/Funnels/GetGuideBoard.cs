using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Funnels;

/// <summary>
/// The guides ranked by what their adds became over the span: who brought the most customers and kept them, who lost
/// them, whose customers bought. Same filters and data scope as the funnel; the best 50 by customers still present.
/// </summary>
internal sealed class GetGuideBoard(ITenantZone zone, FunnelArrivals inView, IOrganisationDirectory directory, ActorContext actor, TimeProvider time)
{
    public const int Size = 50;

    public async Task<Result<List<GuideFunnelRow>>> Handle(FunnelQuery query, CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var span = GetFunnel.Span(query, TenantTime.Day(now, tz));
        if (!span.IsSuccess) return span.Error!;
        var (from, to) = span.Value;
        var scope = await inView.Of(query, ct);
        if (!scope.IsSuccess) return scope.Error!;

        var rows = await scope.Value!.Arrivals.Where(a => a.Day >= from && a.Day <= to)
            .Select(a => new { a.Id, a.StaffUserId, a.ExternalUserId, a.At, a.EndedAt }).ToListAsync(ct);
        var ordered = await inView.OrderedWithin30([.. rows.Select(r => (r.Id, r.ExternalUserId, r.At))], ct);
        var staff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).GroupBy(s => s.WeComUserId).ToDictionary(g => g.Key, g => g.First());
        var board = rows.GroupBy(r => r.StaffUserId).Select(g =>
        {
            var known = g.Where(a => a.At.AddDays(7) <= now).ToList();
            int? retained7 = known.Count == 0 ? null : known.Count(a => a.EndedAt is not { } ended || ended >= a.At.AddDays(7));
            var who = staff.GetValueOrDefault(g.Key);
            return new GuideFunnelRow(g.Key, who?.Name, who?.StoreName, g.Count(), g.Count(a => a.EndedAt is null), g.Count(a => a.EndedAt is not null), retained7,
                g.Count(a => ordered.Contains(a.Id)));
        });
        return board.OrderByDescending(r => r.Present).ThenByDescending(r => r.Adds).ThenBy(r => r.StaffUserId, StringComparer.Ordinal).Take(Size).ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/funnel/guides", async ([AsParameters] FunnelQuery query, GetGuideBoard handler, CancellationToken ct) => (await handler.Handle(query, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("GetGuideBoard")
        .WithSummary("Guides ranked by the customers their adds kept over the span: adds, still present, deleted, retained after 7 days, ordered within 30 days (same filters as the funnel; top 50)");
}
