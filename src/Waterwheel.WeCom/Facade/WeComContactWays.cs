using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Facade.ContactWays;

namespace Waterwheel.WeCom.Facade;

/// <summary><see cref="IWeComContactWays"/>: each call runs in its own scope as the named tenant's system actor.</summary>
internal sealed class WeComContactWays(IServiceScopeFactory scopes) : IWeComContactWays
{
    private const string Actor = "wecom-contact-ways";

    public Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, ContactWaySpec spec, CancellationToken ct) =>
        scopes.As<ContactWayCalls, ContactWayOutcome<CreatedContactWay>>(tenantId, Actor, h => h.Create(tenantId, spec, ct));

    public Task<ContactWayOutcome> Update(Guid tenantId, string configId, ContactWaySpec spec, CancellationToken ct) =>
        scopes.As<ContactWayCalls, ContactWayOutcome>(tenantId, Actor, h => h.Update(tenantId, configId, spec, ct));

    public Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct) =>
        scopes.As<ContactWayCalls, ContactWayOutcome>(tenantId, Actor, h => h.Delete(tenantId, configId, ct));

    public Task<ContactWayOutcome<ContactWayState>> Get(Guid tenantId, string configId, CancellationToken ct) =>
        scopes.As<ContactWayCalls, ContactWayOutcome<ContactWayState>>(tenantId, Actor, h => h.Get(tenantId, configId, ct));
}
