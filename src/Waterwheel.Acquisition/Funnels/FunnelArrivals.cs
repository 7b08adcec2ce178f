using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Funnels;

/// <summary>
/// The arrivals a funnel counts: the channel (with its children) or code asked for, the store or guide asked for, and
/// only the staff the viewer's data scope holds (a store manager their store's staff, a guide themself).
/// </summary>
internal sealed class FunnelArrivals(AcquisitionDbContext db, IOrganisationDirectory directory, ActorContext actor, ICustomerOrders orders)
{
    public static readonly TimeSpan OrderWindow = TimeSpan.FromDays(30);

    /// <summary>The arrivals in view, or the error of a channel or code that does not exist.</summary>
    public async Task<Result<FunnelScope>> Of(FunnelQuery query, CancellationToken ct)
    {
        List<Guid>? channels = null;
        if (query.ChannelId is { } channelId)
        {
            channels = await db.Channels.AsNoTracking().Where(c => c.Id == channelId || c.ParentId == channelId).Select(c => c.Id).ToListAsync(ct);
            if (channels.Count == 0) return Error.NotFound("Channel");
        }
        if (query.CodeId is { } codeId && !await db.Codes.AnyAsync(c => c.Id == codeId, ct)) return Error.NotFound("Live code");

        var arrivals = db.Arrivals.AsNoTracking();
        if (channels is not null) arrivals = arrivals.Where(a => channels.Contains(a.ChannelId));
        if (query.CodeId is { } code) arrivals = arrivals.Where(a => a.CodeId == code);
        var inScope = await directory.WeComStaffInScope(actor, ct);
        if (inScope is not null) arrivals = arrivals.Where(a => inScope.Contains(a.StaffUserId));
        if (query.StoreId is { } store)
        {
            var storeStaff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).Where(s => s.StoreId == store).Select(s => s.WeComUserId).ToList();
            arrivals = arrivals.Where(a => storeStaff.Contains(a.StaffUserId));
        }
        if (!string.IsNullOrWhiteSpace(query.StaffUserId)) arrivals = arrivals.Where(a => a.StaffUserId == query.StaffUserId);
        // A scan happens before anyone is chosen: it belongs to the brand's view, not to a store's or a guide's.
        var scansCount = inScope is null && query.StoreId is null && string.IsNullOrWhiteSpace(query.StaffUserId);
        return new FunnelScope(arrivals, channels, scansCount);
    }

    /// <summary>Which of these arrivals' customers ordered within 30 days of adding, by arrival.</summary>
    public async Task<IReadOnlySet<Guid>> OrderedWithin30(IReadOnlyList<(Guid Id, string ExternalUserId, DateTime At)> arrivals, CancellationToken ct)
    {
        var first = await orders.FirstOrders([.. arrivals.Select(a => new ContactSince(a.ExternalUserId, a.At))], OrderWindow, ct);
        return arrivals.Where(a => first.TryGetValue(a.ExternalUserId, out var at) && at >= a.At && at <= a.At + OrderWindow).Select(a => a.Id).ToHashSet();
    }
}

/// <summary>The arrivals in view, the channels they were narrowed to (null: all), and whether landing-page scans belong to this view.</summary>
internal sealed record FunnelScope(IQueryable<Arrival> Arrivals, IReadOnlyList<Guid>? Channels, bool CountsScans);
