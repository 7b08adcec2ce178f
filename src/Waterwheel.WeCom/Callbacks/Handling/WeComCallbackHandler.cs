using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Receiver;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Callbacks.Handling;

/// <summary>
/// Takes a stored callback from the inbox, acts as the tenant's system actor, parses it and hands it to the handler
/// registered for its event type. Events nobody handles are acknowledged and logged, not retried.
/// </summary>
internal sealed class WeComCallbackHandler(IServiceProvider services, ActorContext actor, TenantCorps corps, ILogger<WeComCallbackHandler> log)
    : IInboxHandler
{
    public string Source => CallbackEndpoints.InboxSource;

    // A new contact's welcome code lives 20 seconds: callbacks go before any backlog of other modules' work.
    public bool Urgent => true;

    public async Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        var tenantId = message.TenantId ?? throw new InvalidOperationException("A WeCom callback without a tenant.");
        actor.UseSystem(tenantId, "wecom");
        var corp = await corps.Find(tenantId, ct) ?? throw new InvalidOperationException("The tenant's WeCom connection is gone.");
        var parsed = WeComEventParser.Parse(message.Payload);
        if (!parsed.IsSuccess) throw new InvalidOperationException($"Stored callback no longer parses: {parsed.Error}");

        var received = parsed.Value!;
        var handler = services.GetKeyedService<IWeComEventHandler>(received.GetType());
        if (handler is null)
        {
            log.LogDebug("WeCom event {Event}/{ChangeType} has no handler", received.Header.Event, received.Header.ChangeType);
            return;
        }
        await handler.Handle(received, corp, ct);
    }
}
