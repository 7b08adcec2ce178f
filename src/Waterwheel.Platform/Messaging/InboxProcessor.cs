using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Claims due inbox messages in batches and hands each to its module's handler, retrying with back-off. Every node runs
/// one; the claims keep each partition on one node at a time and in order.
/// </summary>
internal sealed class InboxProcessor(
    IServiceScopeFactory scopes, TimeProvider time, InboxSignal signal, AcceptPressure pressure, IOptions<InboxOptions> options, ILogger<InboxProcessor> log)
    : BackgroundService
{
    /// <summary>How long an extra lane waits before it looks again whether accepts are quick enough for it to claim.</summary>
    private static readonly TimeSpan PressureRecheck = TimeSpan.FromMilliseconds(50);

    // Unique per process start, so a restarted node never mistakes an old lease for its own.
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly InboxOptions _options = options.Value;
    private readonly HandlingSlots _slots = new(pressure, options.Value.ConcurrencyUnderPressure);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.RunProcessor ? Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Rounds)).Select(lane => Rounds(lane, stoppingToken))) : Task.CompletedTask;

    /// <summary>
    /// One lane of rounds. A round lasts as long as its slowest partition, so under a backlog a full round wakes another
    /// lane to claim the next batch meanwhile; the claims keep the lanes, like nodes, out of each other's partitions.
    /// </summary>
    private async Task Rounds(int lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Extra lanes are for a backlog on a node with time to spare; while accepts are slow, one lane is enough.
                if (lane > 0 && pressure.Behind) await Task.Delay(PressureRecheck, stoppingToken);
                else if (await RunOnceAsync(stoppingToken) == 0) await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Inbox processing failed; retrying after {Interval}", _options.PollInterval);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One claim-and-handle round; returns how many messages it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await Claim(ct);
        if (claimed.Count == 0) return 0;
        if (claimed.Count == _options.BatchSize) signal.Notify();
        var held = new ConcurrentDictionary<Guid, byte>(claimed.Select(m => KeyValuePair.Create(m.Id, (byte)0)));
        using var roundOver = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = new InboxLeaseRenewal(scopes, time, _owner, _options.Lease).Run(held, roundOver.Token);
        try
        {
            var handled = new ConcurrentBag<Guid>();
            var batchable = BatchSources();
            // Sources with a batch handler take each tenant's share of the round in one unit of work; what a batch could not
            // take is handled message by message below, like every other source.
            var single = new List<InboxMessage>(claimed.Where(m => !batchable.Contains(m.Source)));
            foreach (var group in claimed.Where(m => batchable.Contains(m.Source)).GroupBy(m => (m.Source, m.TenantId)))
            {
                var ordered = group.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).ToList();
                bool whole;
                using (await _slots.Enter(ct)) whole = await HandleBatch(ordered, ct);
                if (whole) foreach (var m in ordered) handled.Add(m.Id);
                else single.AddRange(ordered);
            }
            // One customer's events stay in order; different customers proceed side by side.
            var partitions = single.GroupBy(m => m.Partition ?? m.Id.ToString())
                .Select(p => p.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).ToList()).ToList();
            await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = ct },
                async (partition, token) => await HandlePartition(partition, handled, held, token));
            await Acknowledge(handled, ct);
        }
        finally
        {
            await roundOver.CancelAsync();
            await renewing;
        }
        return claimed.Count;
    }

    /// <summary>The urgent sources' due messages first, then whatever else is due, up to one batch.</summary>
    private async Task<List<InboxMessage>> Claim(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var urgent = UrgentSources();
        var claimed = urgent.Count == 0 ? [] :
            await InboxClaims.Claim(db, _owner, time.GetUtcNow().UtcDateTime, _options.Lease, _options.BatchSize, ct, urgent);
        if (claimed.Count < _options.BatchSize)
            claimed.AddRange(await InboxClaims.Claim(db, _owner, time.GetUtcNow().UtcDateTime, _options.Lease, _options.BatchSize - claimed.Count, ct));
        return claimed;
    }

    /// <summary>Handles a partition's messages in order and stops at the first failure: the rest wait behind it.</summary>
    private async Task HandlePartition(List<InboxMessage> partition, ConcurrentBag<Guid> handled, ConcurrentDictionary<Guid, byte> held, CancellationToken ct)
    {
        for (var i = 0; i < partition.Count; i++)
        {
            bool succeeded;
            using (await _slots.Enter(ct)) succeeded = await HandleOne(partition[i], ct);
            if (succeeded)
            {
                handled.Add(partition[i].Id);
                continue;
            }
            held.TryRemove(partition[i].Id, out _);
            await Release(partition.Skip(i + 1).Select(m => m.Id).ToList(), held);
            return;
        }
    }

    /// <summary>Gives back claims this round will not use, without counting them as attempts.</summary>
    private async Task Release(List<Guid> ids, ConcurrentDictionary<Guid, byte> held)
    {
        if (ids.Count == 0) return;
        foreach (var id in ids) held.TryRemove(id, out _);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Serialized(() => db.Inbox.Where(m => ids.Contains(m.Id) && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None), CancellationToken.None);
    }

    /// <summary>
    /// Marks the round's handled messages done in one statement rather than one each: on SQLite every statement is a turn
    /// at the single write lock. A crash before it repeats the round's work, which the idempotent handlers absorb.
    /// </summary>
    private async Task Acknowledge(ConcurrentBag<Guid> handled, CancellationToken ct)
    {
        if (handled.IsEmpty) return;
        List<Guid> ids = [.. handled];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Serialized(() => db.Inbox.Where(m => ids.Contains(m.Id) && m.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, time.GetUtcNow().UtcDateTime)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct), ct);
    }

    private IReadOnlySet<string>? _batchSources;
    private IReadOnlyList<string>? _urgentSources;

    /// <summary>The sources whose handlers say their messages are urgent.</summary>
    private IReadOnlyList<string> UrgentSources()
    {
        if (_urgentSources is { } known) return known;
        using var scope = scopes.CreateScope();
        return _urgentSources = scope.ServiceProvider.GetServices<IInboxHandler>().Where(h => h.Urgent).Select(h => h.Source).Distinct().ToList();
    }

    /// <summary>The sources whose handler takes batches; the registrations do not change while the host runs.</summary>
    private IReadOnlySet<string> BatchSources()
    {
        if (_batchSources is { } known) return known;
        using var scope = scopes.CreateScope();
        return _batchSources = scope.ServiceProvider.GetServices<IInboxHandler>().OfType<IInboxBatchHandler>().Select(h => h.Source).ToHashSet();
    }

    /// <summary>
    /// Runs a batch handler over messages of one source and tenant; true when all of them succeeded. A failure is not an
    /// attempt of any one message: each is then run alone, where the one at fault fails by itself.
    /// </summary>
    private async Task<bool> HandleBatch(List<InboxMessage> messages, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IInboxHandler>().OfType<IInboxBatchHandler>().First(h => h.Source == messages[0].Source);
        try
        {
            await handler.HandleBatchAsync(messages.Select(m => new InboxEnvelope(m.Id, m.TenantId, m.Source, m.DedupeKey, m.Payload,
                m.Attempts + 1, m.ReceivedAt)).ToList(), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogInformation("A batch of {Count} inbox messages from {Source} failed ({Error}); handling them one by one",
                messages.Count, messages[0].Source, e.GetType().Name);
            return false;
        }
    }

    /// <summary>Runs the message's handler; true when it succeeded and the message awaits its acknowledgement.</summary>
    private async Task<bool> HandleOne(InboxMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IInboxHandler>().FirstOrDefault(h => h.Source == message.Source);
        // Only a failure writes here; success is acknowledged with the rest of the round.
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        IQueryable<InboxMessage> Mine() => db.Inbox.Where(m => m.Id == message.Id && m.LeaseOwner == _owner);
        if (handler is null)
        {
            await db.Serialized(() => Mine().ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, time.GetUtcNow().UtcDateTime)
                .SetProperty(m => m.LastError, $"No handler for source '{message.Source}'."), ct), ct);
            return false;
        }
        // A claim is not an attempt: only a handler that ran and failed counts, so claims handed back (the rest of a
        // partition behind a failure, a node that stopped) never use up a message's tries.
        var attempt = message.Attempts + 1;
        try
        {
            await handler.HandleAsync(new InboxEnvelope(message.Id, message.TenantId, message.Source, message.DedupeKey,
                message.Payload, attempt, message.ReceivedAt), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var givingUp = attempt >= _options.MaxAttempts;
            var error = $"{e.GetType().Name}: {e.Message}";
            log.LogWarning("Inbox message {Id} from {Source} failed (attempt {Attempt}): {Error}", message.Id, message.Source, attempt, error);
            await db.Serialized(() => Mine().ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempt)
                .SetProperty(m => m.DueAt, now + Backoff(attempt))
                .SetProperty(m => m.FailedAt, givingUp ? now : null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error), CancellationToken.None), CancellationToken.None);
            return false;
        }
    }

    /// <summary>1 s, 2 s, 4 s … capped at 10 minutes, with jitter so that a burst of failures does not retry in step.</summary>
    internal static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Max(0, attempt - 1))) * (0.8 + Random.Shared.NextDouble() * 0.4));
}
