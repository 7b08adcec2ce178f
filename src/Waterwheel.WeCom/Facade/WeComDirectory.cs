using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade;

/// <summary>
/// <see cref="IWeComDirectory"/>: each question runs in its own scope as the named tenant's system actor, so the
/// module's tenant filters apply whoever asks and whatever scope they ask from.
/// </summary>
internal sealed class WeComDirectory(IServiceScopeFactory scopes) : IWeComDirectory
{
    public Task<WelcomeOutcome> SendWelcome(Guid tenantId, string welcomeCode, WelcomeContent content, CancellationToken ct) =>
        As<SendWelcome, WelcomeOutcome>(tenantId, h => h.Handle(tenantId, welcomeCode, content, ct));

    public Task<ContactProfile?> Contact(Guid tenantId, string externalUserId, CancellationToken ct) =>
        As<GetContactProfile, ContactProfile?>(tenantId, h => h.Handle(tenantId, externalUserId, ct));

    public async Task<LinkedWeComStaff?> StaffMember(Guid tenantId, Guid staffId, CancellationToken ct) =>
        (await As<GetLinkedStaff, IReadOnlyList<LinkedWeComStaff>>(tenantId, h => h.Handle(tenantId, s => s.StaffId == staffId, ct))).FirstOrDefault();

    public Task<IReadOnlyList<LinkedWeComStaff>> StoreStaff(Guid tenantId, Guid storeId, CancellationToken ct) =>
        As<GetLinkedStaff, IReadOnlyList<LinkedWeComStaff>>(tenantId, h => h.Handle(tenantId, s => s.StoreId == storeId, ct));

    private Task<T> As<THandler, T>(Guid tenantId, Func<THandler, Task<T>> run) where THandler : notnull =>
        scopes.As(tenantId, "wecom-directory", run);
}
