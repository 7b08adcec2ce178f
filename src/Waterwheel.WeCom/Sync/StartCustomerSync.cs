using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Sync;

public sealed record SyncRunDto(
    Guid Id, SyncStatus Status, DateTime StartedAt, DateTime? FinishedAt, string RequestedBy, int Staff, int Pages, int Relations,
    int Ended, string? Error)
{
    internal static SyncRunDto From(SyncRun r) =>
        new(r.Id, r.Status, r.StartedAt, r.FinishedAt, r.RequestedBy, r.Staff.Count, r.Pages, r.Relations, r.Ended, r.Error);
}

/// <summary>Starts a full sync of customers and relations; one at a time per tenant.</summary>
internal sealed class StartCustomerSync(WeComDbContext db, ActorContext actor, TimeProvider time)
{
    public async Task<Result<SyncRunDto>> Handle(CancellationToken ct)
    {
        if (!await db.Connections.AnyAsync(ct)) return Error.Conflict("wecom_not_configured", "Connect WeCom first.");
        if (await db.SyncRuns.AnyAsync(r => r.Status == SyncStatus.Running, ct))
            return Error.Conflict("sync_running", "A sync is already running; it continues where it is.");
        var run = new SyncRun
        {
            TenantId = actor.TenantId!.Value, Status = SyncStatus.Running, StartedAt = time.GetUtcNow().UtcDateTime, RequestedBy = actor.Name,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return SyncRunDto.From(run);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sync/customers", async (StartCustomerSync handler, CancellationToken ct) =>
            (await handler.Handle(ct)).ToCreated(r => "/api/wecom/sync/runs"))
        .RequireAuthorization(Permissions.WeComManage)
        .WithSummary("Start a full sync of customers and their relations with staff");
}

internal sealed class ListSyncRuns(WeComDbContext db)
{
    public async Task<List<SyncRunDto>> Handle(CancellationToken ct) =>
        (await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(ct)).Select(SyncRunDto.From).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sync/runs", async (ListSyncRuns handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.WeComManage)
        .WithSummary("The latest sync runs with their progress and result");
}
