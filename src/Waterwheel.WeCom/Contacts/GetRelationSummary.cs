using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Contacts;

public sealed record RelationSummary(int Active, int AddedToday, int LostToday, int WelcomedToday);

/// <summary>Today's movement of the pool: how many came, how many left, how many were welcomed (days in the brand's time zone).</summary>
internal sealed class GetRelationSummary(WeComDbContext db, ITenantZone zone, TimeProvider time)
{
    public async Task<RelationSummary> Handle(CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        var dayStart = TenantTime.StartOfDayUtc(TenantTime.Day(time.GetUtcNow().UtcDateTime, tz), tz);
        return new RelationSummary(
            await db.Relations.CountAsync(r => r.Status == RelationStatus.Active, ct),
            await db.Relations.CountAsync(r => r.AddedAt >= dayStart, ct),
            await db.Relations.CountAsync(r => r.Status == RelationStatus.RemovedByCustomer && r.EndedAt >= dayStart, ct),
            await db.Relations.CountAsync(r => r.WelcomeSentAt >= dayStart, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/relations/summary", async (GetRelationSummary handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.CustomersRead)
        .WithName("GetRelationSummary")
        .WithSummary("Today's new, lost and welcomed customers");
}
