using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Access;

namespace Waterwheel.Console;

/// <summary>
/// A console circuit outlives the request that opened it, so the cookie's per-request check does not reach it: every
/// minute the circuit asks whether its session still stands (same person, same security stamp, still employed) and
/// signs the operator out of the page when it does not.
/// </summary>
public sealed class ConsoleAuthenticationState(ILoggerFactory logs, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) => StillValid(state, ct);

    /// <summary>The check itself, in a scope of its own (the circuit's scope would keep one DbContext for hours).</summary>
    public async Task<bool> StillValid(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISessionValidity>().IsCurrent(state.User, ct);
    }
}
