using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Stores;

internal sealed class UpdateStore(PlatformDbContext db, IValidator<SaveStoreRequest> validator, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<StoreDto>> Handle(Guid id, SaveStoreRequest request, string? ifMatch, CancellationToken ct)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (store is null) return Error.NotFound("Store");
        if (ETags.Check(ifMatch, store.Version) is { } precondition) return precondition;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var unit = await StoreRules.ParentUnit(db, request.OrgUnitId, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (await StoreRules.CodeTaken(db, request.Code.Trim(), id, ct))
            return Error.Conflict("store_code_taken", $"Another store already has the code '{request.Code}'.");

        StoreRules.Apply(store, request, unit.Value!);
        store.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(AuditActions.StoreUpdated, "store", store.Id.ToString(), $"{store.Code} {store.Name}");
        if (await db.SaveOrStale(ct) is { } stale) return stale;
        return StoreDto.From(store);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/stores/{id:guid}", async (Guid id, SaveStoreRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                UpdateStore handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, s => s.Version))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.StoresWrite)
        .WithName("UpdateStore")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Edit a store (send If-Match with the ETag you read)");
}
