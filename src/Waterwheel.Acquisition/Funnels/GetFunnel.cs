using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Funnels;

/// <summary>
/// The acquisition funnel by local day, for the whole brand, a channel (with its children) or one code, counted over
/// the arrivals the viewer's data scope reaches: a store manager sees their store's staff's adds, a guide their own.
/// </summary>
internal sealed class GetFunnel(AcquisitionDbContext db, ITenantZone zone, IOrganisationDirectory directory, ActorContext actor, TimeProvider time)
{
    public const int MaxDays = 366;
    private static readonly int[] RetentionDays = [1, 7, 30];

    public async Task<Result<FunnelView>> Handle(FunnelQuery query, CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = TenantTime.Day(now, tz);
        var to = query.To ?? today;
        var from = query.From ?? to.AddDays(-29);
        if (from > to) return Error.Invalid("from", AcquisitionText.Get("FunnelFromAfterTo"));
        if (to.DayNumber - from.DayNumber >= MaxDays) return Error.Invalid("to", AcquisitionText.Format("FunnelTooLong", MaxDays));

        var channels = await ChannelsInView(query.ChannelId, ct);
        if (channels is { Count: 0 }) return Error.NotFound("Channel");
        if (query.CodeId is { } codeId && !await db.Codes.AnyAsync(c => c.Id == codeId, ct)) return Error.NotFound("Live code");

        var arrivals = db.Arrivals.AsNoTracking();
        if (channels is not null) arrivals = arrivals.Where(a => channels.Contains(a.ChannelId));
        if (query.CodeId is { } code) arrivals = arrivals.Where(a => a.CodeId == code);
        if (await directory.WeComStaffInScope(actor, ct) is { } staff) arrivals = arrivals.Where(a => staff.Contains(a.StaffUserId));

        var rows = await arrivals.Where(a => a.Day >= from && a.Day <= to).Select(a => new { a.Day, a.At, a.TaggedAt, a.EndedAt }).ToListAsync(ct);
        var byDay = rows.ToLookup(r => r.Day, r => (r.At, r.TaggedAt, r.EndedAt));
        var days = new List<FunnelDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
            days.Add(Count(day, byDay[day].ToList(), now));
        var total = Count(to, rows.Select(r => (r.At, r.TaggedAt, r.EndedAt)).ToList(), now);

        // Cost is spent once per channel, not per day: it is spread over every fan the channels brought, whenever.
        var cost = await db.Channels.AsNoTracking().Where(c => channels == null || channels.Contains(c.Id)).Select(c => c.Cost).ToListAsync(ct);
        var ever = await arrivals.CountAsync(ct);
        var present = await arrivals.CountAsync(a => a.EndedAt == null, ct);
        var spent = cost.Sum();
        return new FunnelView(from, to, days, total with { Day = from }, spent, ever, present, PerFan(spent, ever), PerFan(spent, present));
    }

    private static FunnelDay Count(DateOnly day, IReadOnlyList<(DateTime At, DateTime? TaggedAt, DateTime? EndedAt)> arrivals, DateTime now)
    {
        int? Retained(int days)
        {
            var known = arrivals.Where(a => a.At.AddDays(days) <= now).ToList();
            if (known.Count == 0 && arrivals.Count > 0) return null;
            return known.Count(a => a.EndedAt is not { } ended || ended >= a.At.AddDays(days));
        }
        return new FunnelDay(day, arrivals.Count, arrivals.Count(a => a.TaggedAt is not null), arrivals.Count(a => a.EndedAt is not null),
            Retained(RetentionDays[0]), Retained(RetentionDays[1]), Retained(RetentionDays[2]));
    }

    private static decimal? PerFan(decimal cost, int fans) => fans == 0 ? null : Math.Round(cost / fans, 2, MidpointRounding.AwayFromZero);

    /// <summary>The channel and its children (a campaign holds channels), none when there is no such channel, or null for all.</summary>
    private async Task<List<Guid>?> ChannelsInView(Guid? channelId, CancellationToken ct)
    {
        if (channelId is not { } id) return null;
        return await db.Channels.AsNoTracking().Where(c => c.Id == id || c.ParentId == id).Select(c => c.Id).ToListAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/funnel", async ([AsParameters] FunnelQuery query, GetFunnel handler, CancellationToken ct) => (await handler.Handle(query, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("GetAcquisitionFunnel")
        .WithSummary("Adds, tagged, deleted and retained after 1/7/30 days by day in the brand's time zone (channelId with its children, codeId, from, to: yyyy-MM-dd), with cost per fan and per retained fan");
}
