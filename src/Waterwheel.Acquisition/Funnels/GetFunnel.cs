using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Funnels;

/// <summary>
/// The acquisition funnel by local day, for the whole brand, a channel (with its children), one code, one store or one
/// guide, counted over the arrivals the viewer's data scope reaches: a store manager sees their store's staff's adds, a
/// guide their own.
/// </summary>
internal sealed class GetFunnel(AcquisitionDbContext db, ITenantZone zone, FunnelArrivals inView, TimeProvider time)
{
    public const int MaxDays = 366;
    private static readonly int[] RetentionDays = [1, 7, 30];

    public async Task<Result<FunnelView>> Handle(FunnelQuery query, CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var span = Span(query, TenantTime.Day(now, tz));
        if (!span.IsSuccess) return span.Error!;
        var (from, to) = span.Value;
        var scope = await inView.Of(query, ct);
        if (!scope.IsSuccess) return scope.Error!;
        var (arrivals, channels, countsScans) = scope.Value!;

        var rows = await arrivals.Where(a => a.Day >= from && a.Day <= to)
            .Select(a => new FunnelRow(a.Id, a.CodeId, a.ExternalUserId, a.Day, a.At, a.TaggedAt, a.EndedAt)).ToListAsync(ct);
        var ordered = await inView.OrderedWithin30([.. rows.Select(r => (r.Id, r.ExternalUserId, r.At))], ct);
        var tagging = await CodesThatTag(rows, ct);
        var scans = countsScans ? await Scans(query, channels, from, to, ct) : null;
        // A channel's cost is the brand's: a code's, a store's or a guide's share of it is not known.
        var spending = query.CodeId is null && query.StoreId is null && string.IsNullOrWhiteSpace(query.StaffUserId)
            ? await db.Channels.AsNoTracking().Where(c => channels == null || channels.Contains(c.Id)).ToListAsync(ct) : null;
        // Kept unrounded per day, so that the span's total is the sum of what was spent, not of rounded figures.
        var created = spending?.ToDictionary(c => c.Id, c => TenantTime.Day(c.CreatedAt, tz));
        var spentOn = new Dictionary<DateOnly, decimal>();
        if (spending is not null)
            for (var day = from; day <= to; day = day.AddDays(1)) spentOn[day] = spending.Sum(c => ChannelSpend.On(c, created![c.Id], day));

        var byDay = rows.ToLookup(r => r.Day);
        var days = new List<FunnelDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
            days.Add(Count(day, [.. byDay[day]], now, tagging, ordered, scans?.GetValueOrDefault(day), spending is null ? null : Money(spentOn[day])));
        decimal? spent = spending is null ? null : spentOn.Values.Sum();
        var total = Count(from, rows, now, tagging, ordered, scans?.Values.Sum(), Money(spent));
        var present = rows.Count(r => r.EndedAt is null);
        return new FunnelView(from, to, [.. days], total, Money(spent), present, PerFan(spent, total.Adds), PerFan(spent, present),
            await Lifetime(arrivals, spending, ct));
    }

    /// <summary>The channels' whole cost over every fan they brought, whenever.</summary>
    private static async Task<FunnelLifetime> Lifetime(IQueryable<Arrivals.Arrival> arrivals, List<Channels.Channel>? spending, CancellationToken ct)
    {
        var ever = await arrivals.CountAsync(ct);
        var present = await arrivals.CountAsync(a => a.EndedAt == null, ct);
        var cost = spending?.Sum(c => c.Cost);
        return new FunnelLifetime(cost, ever, present, PerFan(cost, ever), PerFan(cost, present));
    }

    /// <summary>The days asked for, 30 up to today by default, at most <see cref="MaxDays"/>.</summary>
    internal static Result<(DateOnly From, DateOnly To)> Span(FunnelQuery query, DateOnly today)
    {
        var to = query.To ?? today;
        var from = query.From ?? to.AddDays(-29);
        if (from > to) return Error.Invalid("from", AcquisitionText.Get("FunnelFromAfterTo"));
        if (to.DayNumber - from.DayNumber >= MaxDays) return Error.Invalid("to", AcquisitionText.Format("FunnelTooLong", MaxDays));
        return (from, to);
    }

    private static FunnelDay Count(DateOnly day, IReadOnlyList<FunnelRow> arrivals, DateTime now, IReadOnlySet<Guid> tagging, IReadOnlySet<Guid> ordered, int? scans,
        decimal? spent)
    {
        int? Retained(int days)
        {
            var known = arrivals.Where(a => a.At.AddDays(days) <= now).ToList();
            if (known.Count == 0 && arrivals.Count > 0) return null;
            return known.Count(a => a.EndedAt is not { } ended || ended >= a.At.AddDays(days));
        }
        // A code that gives no tags has tagged nobody, though its arrivals are done with tagging.
        return new FunnelDay(day, arrivals.Count, arrivals.Count(a => a.TaggedAt is not null && tagging.Contains(a.CodeId)), arrivals.Count(a => a.EndedAt is not null),
            Retained(RetentionDays[0]), Retained(RetentionDays[1]), Retained(RetentionDays[2]), scans, arrivals.Count(a => ordered.Contains(a.Id)), spent);
    }

    private async Task<IReadOnlySet<Guid>> CodesThatTag(IReadOnlyList<FunnelRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.CodeId).Distinct().ToList();
        var codes = await db.Codes.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return codes.Where(c => c.TagIds.Count > 0).Select(c => c.Id).ToHashSet();
    }

    /// <summary>Landing pages opened per day, for the code or channels in view.</summary>
    private async Task<Dictionary<DateOnly, int>> Scans(FunnelQuery query, IReadOnlyList<Guid>? channels, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counts = db.LandingCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to);
        if (query.CodeId is { } code) counts = counts.Where(c => c.CodeId == code);
        else if (channels is not null)
        {
            var codes = await db.Codes.AsNoTracking().Where(c => channels.Contains(c.ChannelId)).Select(c => c.Id).ToListAsync(ct);
            counts = counts.Where(c => codes.Contains(c.CodeId));
        }
        return (await counts.Select(c => new { c.Day, c.Views }).ToListAsync(ct)).GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Sum(c => c.Views));
    }

    private static decimal? PerFan(decimal? cost, int fans) => fans == 0 || cost is null ? null : Money(cost / fans);

    private static decimal? Money(decimal? yuan) => yuan is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : null;

    internal sealed record FunnelRow(Guid Id, Guid CodeId, string ExternalUserId, DateOnly Day, DateTime At, DateTime? TaggedAt, DateTime? EndedAt);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/funnel", async ([AsParameters] FunnelQuery query, GetFunnel handler, CancellationToken ct) => (await handler.Handle(query, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("GetAcquisitionFunnel")
        .WithSummary("Landing-page scans, adds, tagged, deleted, retained after 1/7/30 days and ordered within 30 days, by day in the brand's time zone (channelId with its children, codeId, storeId, staffUserId, from, to: yyyy-MM-dd), with what the channels spent on those days, cost per fan and per retained fan, and the lifetime figures");
}
