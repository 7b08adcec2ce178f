using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.ApiKeys;

/// <summary>Revocation is immediate: every request looks its key up, there is no cache to expire.</summary>
internal sealed class RevokeApiKey(PlatformDbContext db, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<ApiKeyDto>> Handle(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Error.NotFound("API key");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow().UtcDateTime;
            key.RevokedBy = actor.Name;
            audit.Record(AuditActions.ApiKeyRevoked, "api_key", key.Id.ToString(), key.Name);
            await db.SaveChangesAsync(ct);
        }
        return ApiKeyDto.From(key);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/api-keys/{id:guid}", async (Guid id, RevokeApiKey handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("RevokeApiKey")
        .WithSummary("Revoke an API key, effective immediately");
}
