using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>What the WeCom module told other modules, read back from its outbox in the order it happened.</summary>
internal static class TagEventLog
{
    public static async Task<List<TEvent>> Published<TEvent>(this AppWithSimulator host) where TEvent : IIntegrationEvent
    {
        var name = TEvent.EventName;
        var payloads = await host.Read(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventName == name)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).ToList();
    }

    /// <summary>Waits until every callback in the inbox was handled, so an event that should not exist would show by now.</summary>
    public static async Task Settled(this AppWithSimulator host)
    {
        for (var i = 0; i < 200; i++)
        {
            var open = await host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox
                .AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null));
            if (!open) return;
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for a number of events of one kind (or gives up and lets the assertion fail), then returns them all.</summary>
    public static async Task<List<TEvent>> AtLeast<TEvent>(this AppWithSimulator host, int count) where TEvent : IIntegrationEvent
    {
        var events = await host.Published<TEvent>();
        // Patient on purpose: on a loaded two-core machine a callback's handling can take many seconds.
        for (var i = 0; i < 600 && events.Count < count; i++)
        {
            await Task.Delay(50);
            events = await host.Published<TEvent>();
        }
        Assert.True(events.Count >= count, $"Expected at least {count} {TEvent.EventName} events; {events.Count} were published.");
        return events;
    }
}
