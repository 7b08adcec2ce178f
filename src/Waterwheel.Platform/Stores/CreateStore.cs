using FluentValidation;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Stores;

internal sealed class CreateStore(PlatformDbContext db, IValidator<SaveStoreRequest> validator, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<StoreDto>> Handle(SaveStoreRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var unit = await StoreRules.ParentUnit(db, request.OrgUnitId, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (await StoreRules.CodeTaken(db, request.Code.Trim(), null, ct))
            return Error.Conflict("store_code_taken", $"Another store already has the code '{request.Code}'.");

        var now = time.GetUtcNow().UtcDateTime;
        var store = new Store
        {
            TenantId = unit.Value!.TenantId, Code = "", Name = "", Province = "", City = "", CreatedAt = now, UpdatedAt = now,
        };
        StoreRules.Apply(store, request, unit.Value);
        db.Stores.Add(store);
        audit.Record(AuditActions.StoreCreated, "store", store.Id.ToString(), $"{store.Code} {store.Name}");
        await db.SaveChangesAsync(ct);
        return StoreDto.From(store);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/stores", async (SaveStoreRequest request, CreateStore handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(s => $"/api/platform/stores/{s.Id}"))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.StoresWrite)
        .WithName("CreateStore")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Create a store");
}
