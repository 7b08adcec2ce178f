
namespace Waterwheel.Platform.ApiKeys;

internal sealed class ListApiKeys(PlatformDbContext db)
{
    public async Task<List<ApiKeyDto>> Handle(CancellationToken ct) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(ct))
        .Select(ApiKeyDto.From).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/api-keys", async (ListApiKeys handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("ListApiKeys")
        .WithSummary("API keys of your tenant (never their secrets)");
}
