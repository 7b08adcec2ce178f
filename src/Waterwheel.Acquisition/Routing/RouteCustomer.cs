using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Routing;

/// <summary>Where the customer is: their phone's coordinates, or the city they picked when they kept them to themselves.</summary>
public sealed record RouteRequest(double? Latitude, double? Longitude, string? City);

/// <summary>
/// What the landing page shows, and nothing more: the store's name, address and distance, the staff member's display
/// name and their QR. No ids of staff, stores or WeCom users.
/// </summary>
/// In group mode (<paramref name="Group"/>) the QR is the store's group live code and <paramref name="StaffName"/> the group code's name.
public sealed record LandingAnswer(bool Fallback, string? StoreName, string? StoreAddress, double? DistanceKm, string StaffName, string QrCodeUrl, bool Group = false);

/// <summary>
/// The landing page's question: which staff member takes this customer. The nearest open store within the code's
/// radius, one of its guides by policy and caps; else the code's fallback (its own pool of service staff, or the
/// nearest store however far). Then that staff member's single-member way, made on first use (ADR 16). In group mode
/// only stores with a group live code of their own are candidates, and the answer is that group code's QR; with none in
/// range the fallback is as in guide mode. Public: the
/// token in the page's address is all it knows, and it runs as the code's tenant's system actor.
/// </summary>
internal sealed class RouteCustomer(AcquisitionDbContext db, ActorContext actor, IOrganisationDirectory directory, StoreMaps maps, PoolSync pools,
    StoreWays storeWays, LandingCounter counter, TimeProvider time, ILogger<RouteCustomer> log)
{
    public async Task<Result<LandingAnswer>> Handle(string token, RouteRequest request, CancellationToken ct)
    {
        if (await Landing.Open(db, actor, token, time, ct) is not { } code) return Landing.Gone();
        var point = Place(request);
        var city = request.City?.Trim();
        if (point is null && string.IsNullOrEmpty(city)) return Invalid(request);
        var routing = code.Routing!;
        var map = await maps.For(code.TenantId, directory, ct);
        var groups = routing.Groups ? await StoreGroups(ct) : null;
        Func<RoutableStore, bool>? accepts = groups is null ? null : s => groups.ContainsKey(s.Store.StoreId);
        var match = point is { } p ? map.Nearest(p, routing.RadiusKm, accepts) : map.InCity(city!, accepts);
        var fallback = match is null;
        if (fallback && routing.Fallback == LbsFallback.NearestBeyond && point is { } far) match = map.NearestAnywhere(far, routing.RadiusKm, accepts);
        if (point is not null) await counter.Add(code.TenantId, code.Id, LandingEvent.Grant, ct);
        if (groups is not null && match is not null)
        {
            var group = groups[match.Store.Store.StoreId];
            await counter.Add(code.TenantId, code.Id, fallback ? LandingEvent.Fallback : LandingEvent.Routed, ct);
            return new LandingAnswer(fallback, match.Store.Store.Name, match.Store.Store.Address, Km(match), group.Name, group.QrCodeUrl, Group: true);
        }

        var (local, today) = await pools.Today(ct);
        var adds = await pools.AddsOn(code.Id, today, ct);
        var (members, schedule) = match is not null ? (GuidePicker.Guides(match.Store, routing), PoolSchedule.Always) : (code.Pool, code.Schedule);
        var users = members.Select(m => m.WeComUserId).ToList();
        var last = await db.Arrivals.AsNoTracking().Where(a => a.CodeId == code.Id && a.Day == today && users.Contains(a.StaffUserId))
            .OrderByDescending(a => a.At).Select(a => a.StaffUserId).FirstOrDefaultAsync(ct);
        var picked = GuidePicker.Pick(code, members, schedule, local, adds, last, Random.Shared);

        var way = await storeWays.For(code, picked, ct);
        if (!way.IsDone)
        {
            log.LogWarning("Nearest-store code {CodeId}: no way for its staff member; WeCom answered {Status}", code.Id, way.Status);
            return Error.Conflict("staff_unavailable", AcquisitionText.Get("LandingUnavailable"));
        }
        await counter.Add(code.TenantId, code.Id, fallback ? LandingEvent.Fallback : LandingEvent.Routed, ct);
        var name = match?.Store.Guides.FirstOrDefault(g => g.WeComUserId == picked)?.Name
                   ?? (await directory.WeComStaff(code.TenantId, ct)).FirstOrDefault(s => s.WeComUserId == picked)?.Name ?? "";
        return new LandingAnswer(fallback, match?.Store.Store.Name, match?.Store.Store.Address, Km(match), name, way.Value!.QrCodeUrl);
    }

    private static double? Km(StoreMatch? match) => match?.DistanceKm is { } km ? Math.Round(km, 1) : null;

    /// <summary>Each store's group live code that works now (the newest, should a store have two).</summary>
    private async Task<Dictionary<Guid, Groups.GroupCode>> StoreGroups(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var codes = await db.GroupCodes.AsNoTracking()
            .Where(g => g.Status == LiveCodeStatus.Active && g.StoreId != null && g.QrCodeUrl != "" && (g.ExpiresAt == null || g.ExpiresAt > now))
            .ToListAsync(ct);
        return codes.GroupBy(g => g.StoreId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).First());
    }

    private static GeoPoint? Place(RouteRequest request) =>
        request is { Latitude: { } lat, Longitude: { } lng } && GeoPoint.IsValid(lat, lng) ? new GeoPoint(lat, lng) : null;

    private static Error Invalid(RouteRequest request) => request.Latitude is not null || request.Longitude is not null
        ? new Error(ErrorKind.Validation, "validation_failed", AcquisitionText.Get("BadCoordinates"), new Dictionary<string, string[]>
        {
            ["latitude"] = [AcquisitionText.Get("LatitudeRange")], ["longitude"] = [AcquisitionText.Get("LongitudeRange")],
        })
        : Error.Invalid("city", AcquisitionText.Get("PlaceRequired"));
}
