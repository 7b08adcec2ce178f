using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Messaging;

/// <summary>One subscriber of one event: the relay gives it its own inbox entry, so subscribers retry independently.</summary>
public sealed record IntegrationSubscription(string EventName, string InboxSource);

public static class IntegrationEventRegistration
{
    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/> from whichever module publishes it.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var source = $"{TEvent.EventName}>{typeof(THandler).Name}";
        // The inbox keeps the source in 60 characters; a longer one would fail at the first delivery, so fail now.
        if (source.Length > InboxMessageConfiguration.SourceLength)
            throw new InvalidOperationException($"Subscription '{source}' is longer than {InboxMessageConfiguration.SourceLength} characters: shorten the handler's name.");
        services.AddSingleton(new IntegrationSubscription(TEvent.EventName, source));
        services.AddScoped<THandler>();
        if (typeof(IIntegrationEventBatchHandler<TEvent>).IsAssignableFrom(typeof(THandler)))
            services.AddScoped<IInboxHandler>(sp => new IntegrationEventInboxBatchHandler<TEvent, THandler>(source, sp));
        else
            services.AddScoped<IInboxHandler>(sp => new IntegrationEventInboxHandler<TEvent, THandler>(source, sp));
        return services;
    }

    /// <summary>Relays the outbox of <typeparamref name="TContext"/> (which must call <see cref="OutboxModel.AddOutbox"/>).</summary>
    public static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<OutboxRelay<TContext>>()
            .AddRecurringJob<OutboxRetention<TContext>>($"{typeof(TContext).Name}.outbox-retention", TimeSpan.FromHours(1));
}

/// <summary>Hands an event stored in the inbox to its subscriber, acting as the event's tenant.</summary>
internal sealed class IntegrationEventInboxHandler<TEvent, THandler>(string source, IServiceProvider services) : IInboxHandler
    where TEvent : IIntegrationEvent where THandler : class, IIntegrationEventHandler<TEvent>
{
    public string Source => source;

    public Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        var integrationEvent = Read(message);
        services.GetRequiredService<ActorContext>().UseSystem(integrationEvent.TenantId, "integration");
        return services.GetRequiredService<THandler>().Handle(integrationEvent, ct);
    }

    public static TEvent Read(InboxEnvelope message) => JsonSerializer.Deserialize<TEvent>(message.Payload, IntegrationEventJson.Options)
        ?? throw new InvalidOperationException($"Stored {TEvent.EventName} event is empty.");
}

/// <summary>Hands events stored in the inbox to a subscriber that takes them many at once (the processor gives one tenant's).</summary>
internal sealed class IntegrationEventInboxBatchHandler<TEvent, THandler>(string source, IServiceProvider services) : IInboxBatchHandler
    where TEvent : IIntegrationEvent where THandler : class, IIntegrationEventHandler<TEvent>
{
    private readonly IntegrationEventInboxHandler<TEvent, THandler> _one = new(source, services);

    public string Source => source;

    public Task HandleAsync(InboxEnvelope message, CancellationToken ct) => _one.HandleAsync(message, ct);

    public Task HandleBatchAsync(IReadOnlyList<InboxEnvelope> messages, CancellationToken ct)
    {
        var events = messages.Select(IntegrationEventInboxHandler<TEvent, THandler>.Read).ToList();
        var tenant = events[0].TenantId;
        if (events.Any(e => e.TenantId != tenant)) throw new InvalidOperationException($"A batch of {TEvent.EventName} events spans tenants.");
        services.GetRequiredService<ActorContext>().UseSystem(tenant, "integration");
        return ((IIntegrationEventBatchHandler<TEvent>)services.GetRequiredService<THandler>()).HandleBatch(events, ct);
    }
}
