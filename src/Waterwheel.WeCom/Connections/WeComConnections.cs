using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Connections;

/// <summary>The module's door for the host: connect a tenant to a corp outside any signed-in request (demo set-up).</summary>
public interface IWeComConnections
{
    Task<bool> IsConnected(Guid tenantId, CancellationToken ct);
    Task Connect(Guid tenantId, SaveConnectionRequest request, CancellationToken ct);
}

public static class WeComCallbackUrls
{
    /// <summary>Where WeCom must send a tenant's callbacks, relative to the server's address.</summary>
    public static string PathFor(Guid tenantId) => GetConnection.CallbackPath(tenantId);
}

internal sealed class WeComConnections(IServiceScopeFactory scopes) : IWeComConnections
{
    public async Task<bool> IsConnected(Guid tenantId, CancellationToken ct)
    {
        await using var scope = As(tenantId);
        return (await scope.ServiceProvider.GetRequiredService<GetConnection>().Handle(ct)).CorpId != "";
    }

    public async Task Connect(Guid tenantId, SaveConnectionRequest request, CancellationToken ct)
    {
        await using var scope = As(tenantId);
        // Set-up by the system, not an edit of what someone read: "*" overwrites whatever is there.
        var saved = await scope.ServiceProvider.GetRequiredService<SaveConnection>().Handle(request, "*", ct);
        if (!saved.IsSuccess) throw new InvalidOperationException($"Could not save the WeCom connection: {saved.Error!.Message}");
    }

    private AsyncServiceScope As(Guid tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, "setup");
        return scope;
    }
}
