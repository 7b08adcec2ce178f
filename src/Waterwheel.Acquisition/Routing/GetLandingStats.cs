namespace Waterwheel.Acquisition.Routing;

public sealed record LandingDayView(DateOnly Day, int Views, int Grants, int Denials, int Routed, int Fallbacks);

/// <summary>What a code's landing pages saw (its nearest-store page, or its parcel cards' pages): totals and the last 30 days, newest first.</summary>
public sealed record LandingStatsView(int Views, int Grants, int Denials, int Routed, int Fallbacks, IReadOnlyList<LandingDayView> Days);

/// <summary>
/// A code's landing counts: views, locations granted and refused, customers routed and fallbacks for a nearest-store
/// code; views of its cards' pages for a code with parcel cards.
/// </summary>
internal sealed class GetLandingStats(AcquisitionDbContext db)
{
    public const int RecentDays = 30;

    public async Task<Result<LandingStatsView>> Handle(Guid codeId, CancellationToken ct)
    {
        if (!await db.Codes.AnyAsync(c => c.Id == codeId, ct)) return Error.NotFound("Live code");
        var rows = db.LandingCounts.AsNoTracking().Where(c => c.CodeId == codeId);
        var totals = await rows.GroupBy(c => c.CodeId)
            .Select(g => new { Views = g.Sum(c => c.Views), Grants = g.Sum(c => c.Grants), Denials = g.Sum(c => c.Denials), Routed = g.Sum(c => c.Routed), Fallbacks = g.Sum(c => c.Fallbacks) })
            .FirstOrDefaultAsync(ct);
        var days = await rows.OrderByDescending(c => c.Day).Take(RecentDays)
            .Select(c => new LandingDayView(c.Day, c.Views, c.Grants, c.Denials, c.Routed, c.Fallbacks)).ToListAsync(ct);
        return new LandingStatsView(totals?.Views ?? 0, totals?.Grants ?? 0, totals?.Denials ?? 0, totals?.Routed ?? 0, totals?.Fallbacks ?? 0, days);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/codes/{id:guid}/landing-stats", async (Guid id, GetLandingStats handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetLandingStats")
        .WithSummary("A code's landing page counts: views (of a nearest-store page or of its parcel cards' pages), locations granted and refused, customers routed, fallbacks (totals and the last 30 days)");
}
