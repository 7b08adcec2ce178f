using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Console;

/// <summary>
/// Runs a use case for the signed-in operator of this circuit. A circuit lives for minutes, so each call gets its
/// own DI scope (a fresh DbContext) with the operator set as the actor: tenant and scope filters apply as in the API.
/// </summary>
public sealed class ConsoleSession(IServiceScopeFactory scopes, AuthenticationStateProvider auth)
{
    /// <summary>Where the operator connects from; set once per circuit from the first HTTP request.</summary>
    public ActorOrigin? Origin { get; set; }

    public async Task<TResult> Run<THandler, TResult>(Func<THandler, CancellationToken, Task<TResult>> action, CancellationToken ct = default)
        where THandler : notnull
    {
        var state = await auth.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Use(state.User, Origin);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>(), ct);
    }

    public async Task<Guid> TenantId() =>
        Guid.Parse((await auth.GetAuthenticationStateAsync()).User.FindFirst(Platform.Contracts.WaterwheelClaims.Tenant)!.Value);

    /// <summary>The operator's role, for offering only what they may do (the server checks again).</summary>
    public async Task<StaffRole?> Role() =>
        Enum.TryParse<StaffRole>((await auth.GetAuthenticationStateAsync()).User.FindFirst(Platform.Contracts.WaterwheelClaims.Role)?.Value, out var role) ? role : null;

    public async Task<bool> Has(string permission) =>
        PermissionCheck.Granted((await auth.GetAuthenticationStateAsync()).User, permission);
}
