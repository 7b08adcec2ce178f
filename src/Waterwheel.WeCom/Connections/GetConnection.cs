using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Connections;

internal sealed class GetConnection(WeComDbContext db, ActorContext actor)
{
    public async Task<ConnectionDto> Handle(CancellationToken ct)
    {
        var path = CallbackPath(actor.TenantId!.Value);
        var c = await db.Connections.AsNoTracking().FirstOrDefaultAsync(ct);
        return c is null
            ? new ConnectionDto("", false, "", false, "", path, null, null, 0)
            : new ConnectionDto(c.CorpId, c.SecretCipher != "", Mask.Secret(c.CallbackToken), c.AesKeyCipher != "", c.WelcomeText,
                path, c.LastTestedAt, c.LastTestResult, c.Version);
    }

    /// <summary>Where WeCom must send this tenant's callbacks (entered in WeCom's admin console).</summary>
    public static string CallbackPath(Guid tenantId) => $"/wecom/callback/{tenantId:N}";

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/connection", async (GetConnection handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.WeComManage)
        .WithName("GetConnection")
        .WithSummary("This tenant's WeCom connection (secrets are never returned; the callback token only masked)");
}
