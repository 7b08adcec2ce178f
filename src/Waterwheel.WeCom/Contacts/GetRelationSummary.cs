using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Alerts;

namespace Waterwheel.WeCom.Contacts;

/// <summary>Today's movement of the pool in the viewer's part of the brand, and the loss alerts still waiting for someone.</summary>
public sealed record RelationSummary(int Active, int AddedToday, int LostToday, int WelcomedToday, int OpenAlerts)
{
    /// <summary>Welcomed of those added today, 0–1; null when nobody was added.</summary>
    public double? WelcomeRate => AddedToday == 0 ? null : Math.Min(1, (double)WelcomedToday / AddedToday);
}

/// <summary>
/// Today's movement of the pool: how many came, how many left, how many were welcomed (days in the brand's time
/// zone), counted over the staff in the viewer's data scope: a dealer counts its stores' staff, a guide themself.
/// </summary>
internal sealed class GetRelationSummary(WeComDbContext db, ITenantZone zone, TimeProvider time, ActorContext actor, IOrganisationDirectory directory)
{
    public async Task<RelationSummary> Handle(CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        var dayStart = TenantTime.StartOfDayUtc(TenantTime.Day(time.GetUtcNow().UtcDateTime, tz), tz);
        var staff = await directory.WeComStaffInScope(actor, ct);
        var relations = db.Relations.AsNoTracking();
        var alerts = db.RelationAlerts.AsNoTracking().Where(a => a.Status == RelationAlertStatus.Open);
        if (staff is not null)
        {
            relations = relations.Where(r => staff.Contains(r.StaffUserId));
            alerts = alerts.Where(a => staff.Contains(a.StaffUserId));
        }
        return new RelationSummary(
            await relations.CountAsync(r => r.Status == RelationStatus.Active, ct),
            await relations.CountAsync(r => r.AddedAt >= dayStart, ct),
            await relations.CountAsync(r => r.Status == RelationStatus.RemovedByCustomer && r.EndedAt >= dayStart, ct),
            await relations.CountAsync(r => r.AddedAt >= dayStart && r.WelcomeSentAt >= dayStart, ct),
            await alerts.CountAsync(ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/relations/summary", async (GetRelationSummary handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.InsightsRead)
        .WithName("GetRelationSummary")
        .WithSummary("Today's new, lost and welcomed customers and the open loss alerts, in the viewer's scope");
}
