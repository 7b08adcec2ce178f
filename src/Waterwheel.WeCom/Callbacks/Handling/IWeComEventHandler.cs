using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Callbacks.Handling;

/// <summary>
/// Handles one kind of stored WeCom event. Handlers must be idempotent: after a crash the inbox hands the same event
/// over again, and events of one customer or group can arrive out of order.
/// </summary>
internal interface IWeComEventHandler
{
    Task Handle(WeComEvent received, TenantCorp corp, CancellationToken ct);
}

/// <summary>The typed base: a handler names its event type and gets it already cast.</summary>
internal abstract class WeComEventHandler<TEvent> : IWeComEventHandler where TEvent : WeComEvent
{
    public Task Handle(WeComEvent received, TenantCorp corp, CancellationToken ct) => Handle((TEvent)received, corp, ct);

    protected abstract Task Handle(TEvent received, TenantCorp corp, CancellationToken ct);
}

internal static class WeComEventHandlerRegistration
{
    /// <summary>Registers the handler under its event type, which is how <see cref="WeComCallbackHandler"/> finds it.</summary>
    public static IServiceCollection AddWeComEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : WeComEvent where THandler : WeComEventHandler<TEvent> =>
        services.AddKeyedScoped<IWeComEventHandler, THandler>(typeof(TEvent));
}
