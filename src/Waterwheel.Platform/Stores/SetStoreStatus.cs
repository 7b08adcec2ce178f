using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Stores;

public sealed record SetStoreStatusRequest(StoreStatus Status);

/// <summary>Open, pause or close a store. Stores are never deleted: orders and customers keep pointing at them.</summary>
internal sealed class SetStoreStatus(PlatformDbContext db, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<StoreDto>> Handle(Guid id, SetStoreStatusRequest request, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Status)) return Error.Invalid("status", "Status must be Open, Paused or Closed.");
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (store is null) return Error.NotFound("Store");
        if (store.Status == request.Status) return StoreDto.From(store);

        audit.Record(AuditActions.StoreStatusChanged, "store", store.Id.ToString(), $"{store.Code}: {store.Status} → {request.Status}");
        store.Status = request.Status;
        store.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StoreDto.From(store);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/stores/{id:guid}/status", async (Guid id, SetStoreStatusRequest request, SetStoreStatus handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.StoresWrite)
        .WithName("SetStoreStatus")
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithSummary("Open, pause or close a store");
}
