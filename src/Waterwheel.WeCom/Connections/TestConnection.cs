using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Client;

namespace Waterwheel.WeCom.Connections;

public sealed record ConnectionTestResult(bool Ok, string Message);

/// <summary>
/// "Test connection": fetches an access token with the stored credentials. A failure says exactly what to fix in
/// WeCom's admin console (wrong corp id or secret, untrusted IP, missing API permission), as the client words it.
/// </summary>
internal sealed class TestConnection(WeComDbContext db, ActorContext actor, TenantCorps corps, IWeComClient client, TimeProvider time)
{
    public async Task<Result<ConnectionTestResult>> Handle(CancellationToken ct)
    {
        var connection = await db.Connections.FirstOrDefaultAsync(ct);
        if (connection is null) return Error.Conflict("wecom_not_configured", ConnectionText.Get("NotConfigured"));
        var corp = await corps.Find(actor.TenantId!.Value, ct);
        if (corp is null) return Error.Conflict("wecom_aes_key_invalid", ConnectionText.Get("AesKeyInvalid"));

        var token = await client.GetAccessToken(corp.App, ct);
        var result = token.IsSuccess
            ? new ConnectionTestResult(true, ConnectionText.Get("Connected"))
            : new ConnectionTestResult(false, ConnectionText.Explain(token.Error!));
        connection.LastTestedAt = time.GetUtcNow().UtcDateTime;
        connection.LastTestResult = result.Message.Length > 500 ? result.Message[..500] : result.Message;
        await db.SaveChangesAsync(ct);
        return result;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/connection/test", async (TestConnection handler, CancellationToken ct) => (await handler.Handle(ct)).ToOk())
        .RequireAuthorization(Permissions.WeComManage)
        .WithName("TestConnection")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithSummary("Check the stored credentials against WeCom and say what is wrong, if anything");
}
