
namespace Waterwheel.Platform.Stores;

internal sealed class GetStore(PlatformDbContext db)
{
    public async Task<Result<StoreDto>> Handle(Guid id, CancellationToken ct) =>
        await db.Stores.Where(s => s.Id == id).Select(StoreDto.FromEntity).FirstOrDefaultAsync(ct) is { } store
            ? store
            : Error.NotFound("Store");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/stores/{id:guid}", async (Guid id, GetStore handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, s => s.Version))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("GetStore")
        .WithSummary("Read one store");
}
