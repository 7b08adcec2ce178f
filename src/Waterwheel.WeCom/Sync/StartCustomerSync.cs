using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Sync;

/// <summary>A sync run's progress: the phase it is in and what each phase has done so far.</summary>
public sealed record SyncRunDto(
    Guid Id, SyncStatus Status, SyncPhase Phase, DateTime StartedAt, DateTime? FinishedAt, string RequestedBy, int Staff, int Members, int Tags,
    int Pages, int Relations, int Ended, int Groups, int GroupsEnded, string? Error)
{
    internal static SyncRunDto From(SyncRun r) =>
        new(r.Id, r.Status, r.Phase, r.StartedAt, r.FinishedAt, r.RequestedBy, r.Staff.Count, r.Members, r.Tags, r.Pages, r.Relations, r.Ended,
            r.Groups, r.GroupsEnded, r.Error);
}

/// <summary>Starts a full sync (staff, corp tags, customers and relations, groups); one at a time per tenant.</summary>
internal sealed class StartCustomerSync(WeComDbContext db, ActorContext actor, TimeProvider time)
{
    public async Task<Result<SyncRunDto>> Handle(CancellationToken ct)
    {
        if (!await db.Connections.AnyAsync(ct)) return Error.Conflict("wecom_not_configured", ConnectionText.Get("ConnectFirst"));
        if (await db.SyncRuns.AnyAsync(r => r.Status == SyncStatus.Running, ct))
            return Error.Conflict("sync_running", ConnectionText.Get("SyncRunning"));
        var run = new SyncRun
        {
            TenantId = actor.TenantId!.Value, Status = SyncStatus.Running, StartedAt = time.GetUtcNow().UtcDateTime, RequestedBy = actor.Name,
        };
        db.SyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Two starts at once (a double click, two operators): the index on running runs lets one through.
            return Error.Conflict("sync_running", ConnectionText.Get("SyncRunning"));
        }
        return SyncRunDto.From(run);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sync/customers", async (StartCustomerSync handler, CancellationToken ct) =>
            (await handler.Handle(ct)).ToCreated(r => "/api/wecom/sync/runs"))
        .RequireAuthorization(Permissions.WeComManage)
        .WithName("StartCustomerSync")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Start a full sync of staff, corp tags, customers with their relations and tags, and customer groups");
}

internal sealed class ListSyncRuns(WeComDbContext db)
{
    public async Task<List<SyncRunDto>> Handle(CancellationToken ct) =>
        (await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(ct)).Select(SyncRunDto.From).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sync/runs", async (ListSyncRuns handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.WeComManage)
        .WithName("ListSyncRuns")
        .WithSummary("The latest sync runs with their progress and result");
}
