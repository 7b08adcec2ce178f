using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Facade;

/// <summary>
/// Runs a façade call in its own scope as the named tenant's system actor, so the module's tenant filters apply
/// whoever asks and whatever scope they ask from.
/// </summary>
internal static class TenantScopes
{
    public static async Task<T> As<THandler, T>(this IServiceScopeFactory scopes, Guid tenantId, string actor, Func<THandler, Task<T>> run)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, actor);
        return await run(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
