using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Connections;

/// <summary>Stores the corp id, secret, callback token and AES key; secrets are encrypted like any personal data.</summary>
internal sealed class SaveConnection(
    WeComDbContext db, IValidator<SaveConnectionRequest> validator, ActorContext actor, FieldEncryptor encryptor,
    IAuditLog audit, TimeProvider time, GetConnection reader, TenantCorps corps)
{
    public async Task<Result<ConnectionDto>> Handle(SaveConnectionRequest request, string? ifMatch, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var connection = await db.Connections.FirstOrDefaultAsync(ct);
        if (connection is not null && ETags.Check(ifMatch, connection.Version) is { } precondition) return precondition;
        if (connection is null && string.IsNullOrWhiteSpace(request.Secret)) return Error.Invalid("secret", ConnectionText.Get("SecretRequired"));
        if (connection is null && string.IsNullOrWhiteSpace(request.EncodingAesKey)) return Error.Invalid("encodingAesKey", ConnectionText.Get("AesKeyRequired"));
        if (connection is null && string.IsNullOrWhiteSpace(request.CallbackToken)) return Error.Invalid("callbackToken", ConnectionText.Get("TokenRequired"));

        if (connection is null)
        {
            connection = new CorpConnection { TenantId = actor.TenantId!.Value, CorpId = "", SecretCipher = "", CallbackToken = "", AesKeyCipher = "" };
            db.Connections.Add(connection);
        }
        connection.CorpId = request.CorpId.Trim();
        if (!string.IsNullOrWhiteSpace(request.CallbackToken)) connection.CallbackToken = request.CallbackToken.Trim();
        if (!string.IsNullOrWhiteSpace(request.Secret)) connection.SecretCipher = encryptor.Encrypt(request.Secret.Trim());
        if (!string.IsNullOrWhiteSpace(request.EncodingAesKey)) connection.AesKeyCipher = encryptor.Encrypt(request.EncodingAesKey.Trim());
        connection.WelcomeText = request.WelcomeText.Trim();
        connection.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStale(ct) is { } stale) return stale;
        corps.Forget(connection.TenantId);

        await audit.RecordNowAsync("wecom.connection_saved", "wecom_connection", connection.CorpId,
            $"corp {connection.CorpId}{(string.IsNullOrWhiteSpace(request.Secret) ? "" : ", secret changed")}{(string.IsNullOrWhiteSpace(request.CallbackToken) ? "" : ", token set")}{(string.IsNullOrWhiteSpace(request.EncodingAesKey) ? "" : ", AES key changed")}", ct);
        return await reader.Handle(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/connection", async (SaveConnectionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                SaveConnection handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(request, ifMatch, ct)).ToOkWithETag(response, c => c.Version))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.WeComManage)
        .WithName("SaveConnection")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Save this tenant's WeCom connection");
}
