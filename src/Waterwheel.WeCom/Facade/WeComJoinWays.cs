using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Facade.JoinWays;

namespace Waterwheel.WeCom.Facade;

/// <summary><see cref="IWeComJoinWays"/>: each call runs in its own scope as the named tenant's system actor.</summary>
internal sealed class WeComJoinWays(IServiceScopeFactory scopes) : IWeComJoinWays
{
    private const string Actor = "wecom-join-ways";

    public Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, JoinWaySpec spec, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome<CreatedContactWay>>(tenantId, Actor, h => h.Create(tenantId, spec, ct));

    public Task<ContactWayOutcome> Update(Guid tenantId, string configId, JoinWaySpec spec, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome>(tenantId, Actor, h => h.Update(tenantId, configId, spec, ct));

    public Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome>(tenantId, Actor, h => h.Delete(tenantId, configId, ct));

    public Task<ContactWayOutcome<JoinWayState>> Get(Guid tenantId, string configId, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome<JoinWayState>>(tenantId, Actor, h => h.Get(tenantId, configId, ct));

    public Task<IReadOnlyList<CustomerGroupInfo>> Groups(Guid tenantId, IReadOnlyCollection<string> chatIds, CancellationToken ct) =>
        scopes.As<JoinWayCalls, IReadOnlyList<CustomerGroupInfo>>(tenantId, Actor, h => h.Groups(chatIds, ct));

    public Task<ContactWayOutcome<string>> SaveGroupWelcome(Guid tenantId, string? templateId, string text, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome<string>>(tenantId, Actor, h => h.SaveGroupWelcome(tenantId, templateId, text, ct));

    public Task<ContactWayOutcome> DeleteGroupWelcome(Guid tenantId, string templateId, CancellationToken ct) =>
        scopes.As<JoinWayCalls, ContactWayOutcome>(tenantId, Actor, h => h.DeleteGroupWelcome(tenantId, templateId, ct));
}
