using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Moves a module's outbox into the inbox, one entry per subscriber. The inbox dedupes on the outbox id, so a crash
/// between accepting and marking relayed repeats the accept harmlessly: each subscriber sees each event once.
/// </summary>
internal sealed class OutboxRelay<TContext>(IServiceScopeFactory scopes, IEnumerable<IntegrationSubscription> subscriptions, IConfiguration configuration,
    TimeProvider time, ILogger<OutboxRelay<TContext>> log) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 200;

    /// <summary>Relayed events stay this long for diagnosis; the subscribers' inbox holds them from then on.</summary>
    public static readonly TimeSpan KeepRelayed = TimeSpan.FromDays(7);
    private readonly TimeSpan _interval = configuration.GetValue("Waterwheel:Outbox:PollInterval", TimeSpan.FromSeconds(1));
    private readonly ILookup<string, IntegrationSubscription> _subscribers = subscriptions.ToLookup(s => s.EventName);
    private DateTime _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Relaying the {Context} outbox failed", typeof(TContext).Name);
            }
            // Polling paces the machine, not the business clock: a frozen test clock must not stop relaying.
            if (relayed < BatchSize) await Task.Delay(_interval, stoppingToken);
        }
    }

    /// <summary>Relays one batch in order of occurrence; returns how many events it relayed.</summary>
    public async Task<int> RelayOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var inbox = scope.ServiceProvider.GetRequiredService<IInbox>();
        var batch = await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.RelayedAt == null).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0)
        {
            await CleanUp(db, ct);
            return 0;
        }
        foreach (var message in batch)
        {
            try
            {
                foreach (var subscriber in _subscribers[message.EventName])
                    await inbox.AcceptAsync(subscriber.InboxSource, message.Id.ToString("N"), message.TenantId, message.Payload, ct, message.Partition);
                message.RelayedAt = time.GetUtcNow().UtcDateTime;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.SaveChangesAsync(ct);
                throw;
            }
            await db.SaveChangesAsync(ct);
        }
        return batch.Count;
    }

    // Idle polls come every second; deleting old rows once an hour is plenty.
    private async Task CleanUp(TContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup) return;
        _nextCleanup = now + TimeSpan.FromHours(1);
        await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.RelayedAt < now - KeepRelayed).ExecuteDeleteAsync(ct);
    }
}
