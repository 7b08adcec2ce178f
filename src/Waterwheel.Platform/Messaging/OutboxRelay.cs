using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Moves a module's outbox into the inbox, one entry per subscriber. Every node relays: rows are claimed like the
/// inbox's (partition by partition, with a lease), so no two nodes relay one row and one customer's events keep their
/// order. The inbox dedupes on the outbox id, so a crash between accepting and marking relayed repeats the accept
/// harmlessly: each subscriber sees each event once. A row that keeps failing is parked after its last try instead of
/// blocking every row behind it.
/// </summary>
internal sealed class OutboxRelay<TContext>(IServiceScopeFactory scopes, IEnumerable<IntegrationSubscription> subscriptions, IConfiguration configuration,
    TimeProvider time, ILogger<OutboxRelay<TContext>> log) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 200;
    private static readonly ClaimColumns Columns = new(nameof(OutboxMessage.RelayedAt), nameof(OutboxMessage.ParkedAt), nameof(OutboxMessage.OccurredAt));

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly TimeSpan _interval = configuration.GetValue("Waterwheel:Outbox:PollInterval", TimeSpan.FromSeconds(1));
    private readonly TimeSpan _lease = configuration.GetValue("Waterwheel:Outbox:Lease", TimeSpan.FromSeconds(60));
    private readonly int _maxAttempts = configuration.GetValue("Waterwheel:Outbox:MaxAttempts", 10);

    /// <summary>Off only in tests that relay by hand.</summary>
    private readonly bool _run = configuration.GetValue("Waterwheel:Outbox:RunRelay", true);
    private readonly ILookup<string, IntegrationSubscription> _subscribers = subscriptions.ToLookup(s => s.EventName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (_run && !stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayOnce(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Relaying the {Context} outbox failed", typeof(TContext).Name);
            }
            // Polling paces the machine, not the business clock: a frozen test clock must not stop relaying.
            if (relayed < BatchSize) await Task.Delay(_interval, stoppingToken);
        }
    }

    /// <summary>Relays one claimed batch; returns how many rows it claimed.</summary>
    public async Task<int> RelayOnce(CancellationToken ct)
    {
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
            batch = await PartitionedClaims.Claim<OutboxMessage>(scope.ServiceProvider.GetRequiredService<TContext>(), Columns, _owner,
                time.GetUtcNow().UtcDateTime, _lease, BatchSize, ct);
        if (batch.Count == 0) return 0;
        var partitions = batch.GroupBy(m => m.Partition ?? m.Id.ToString())
            .Select(p => p.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToList()).ToList();
        var relayed = new ConcurrentBag<Guid>();
        // Partitions side by side, so that the inbox's writer stores many of them in one statement.
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (partition, token) => await RelayPartition(partition, relayed, token));
        await Mark(relayed, ct);
        return batch.Count;
    }

    private async Task RelayPartition(List<OutboxMessage> partition, ConcurrentBag<Guid> relayed, CancellationToken ct)
    {
        for (var i = 0; i < partition.Count; i++)
        {
            var message = partition[i];
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var inbox = scope.ServiceProvider.GetRequiredService<IInbox>();
                foreach (var subscriber in _subscribers[message.EventName])
                    await inbox.AcceptAsync(subscriber.InboxSource, message.Id.ToString("N"), message.TenantId, message.Payload, ct, message.Partition,
                        message.OccurredAt);
                relayed.Add(message.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await Failed(message, e);
                await Release(partition.Skip(i + 1).Select(m => m.Id).ToList());
                return;
            }
        }
    }

    private async Task Failed(OutboxMessage message, Exception e)
    {
        var attempt = message.Attempts + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var parked = attempt >= _maxAttempts;
        var error = $"{e.GetType().Name}: {e.Message}";
        if (parked) log.LogError("Outbox event {Id} ({Event}) parked after {Attempts} tries: {Error}", message.Id, message.EventName, attempt, error);
        else log.LogWarning("Relaying outbox event {Id} ({Event}) failed (try {Attempt}): {Error}", message.Id, message.EventName, attempt, error);
        await using var scope = scopes.CreateAsyncScope();
        await Write(scope, [message.Id], q => q.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempt)
            .SetProperty(m => m.DueAt, now + InboxProcessor.Backoff(attempt))
            .SetProperty(m => m.ParkedAt, parked ? now : null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error), CancellationToken.None), CancellationToken.None);
    }

    private async Task Release(List<Guid> ids)
    {
        if (ids.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        await Write(scope, ids, q => q.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None), CancellationToken.None);
    }

    private async Task Mark(ConcurrentBag<Guid> relayed, CancellationToken ct)
    {
        if (relayed.IsEmpty) return;
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        await Write(scope, [.. relayed], q => q.ExecuteUpdateAsync(s => s.SetProperty(m => m.RelayedAt, now)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct), ct);
    }

    /// <summary>One statement over this relay's claimed rows among <paramref name="ids"/>, taking its turn as a write on SQLite.</summary>
    private Task<int> Write(AsyncServiceScope scope, List<Guid> ids, Func<IQueryable<OutboxMessage>, Task<int>> statement, CancellationToken ct)
    {
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return db.Serialized(() => statement(db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => ids.Contains(m.Id) && m.LeaseOwner == _owner)), ct);
    }
}
