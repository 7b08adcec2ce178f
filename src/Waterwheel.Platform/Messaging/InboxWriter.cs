using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Group commit for the inbox. Concurrent accepts queue here and one writer stores whatever has gathered in a single
/// INSERT, then answers each of them: at hundreds of callbacks a second that is a few dozen commits instead of hundreds,
/// and on SQLite no request queues on another's write lock. A caller's task completes only after the statement holding
/// its row committed, so an answered callback is durable; if the statement fails every caller in it sees the error.
/// The writer keeps a connection of its own rather than renting one per batch: under load, handlers hold the pool's
/// connections, and an accept (which a sender waits on) must not queue behind them.
/// </summary>
internal sealed class InboxWriter : IDisposable
{
    /// <summary>Enough to drain a burst in one statement, small enough to stay far below the providers' parameter limits.</summary>
    private const int MaxBatch = 100;

    private readonly Channel<Pending> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly InboxSignal _signal;
    private readonly AcceptPressure _pressure;
    private readonly ILogger<InboxWriter> _log;
    private readonly Task _loop;

    // The writer's own unit of work and open connection, made on first use and made anew after a failure (the connection
    // may be what failed). Only the writer loop touches them.
    private AsyncServiceScope? _writerScope;

    public InboxWriter(IServiceScopeFactory scopes, InboxSignal signal, AcceptPressure pressure, IOptions<InboxOptions> options, ILogger<InboxWriter> log)
    {
        (_scopes, _signal, _pressure, _log) = (scopes, signal, pressure, log);
        // Bounded: when the database falls behind, senders wait for room (and the callers' own timeouts apply) rather
        // than piling up in memory.
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Value.AcceptQueue)
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(Run);
    }

    public async Task<InboxAcceptance> Write(InboxMessage message, CancellationToken ct)
    {
        var pending = new Pending(message);
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException("The inbox is shutting down.", e);
        }
        // A sender that hangs up stops waiting; its message may still be stored, and its retry then dedupes.
        return await pending.Done.Task.WaitAsync(ct);
    }

    private async Task Run()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await Store(batch);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                await DropConnection();
                // One bad row must not fail its neighbours: store them one by one, so only it sees the error.
                _log.LogWarning("Storing {Count} inbox messages together failed ({Error}); storing them one by one", batch.Count, e.Message);
                foreach (var one in batch) await StoreAlone(one);
            }
            catch (Exception e)
            {
                await DropConnection();
                batch[0].Done.TrySetException(e);
            }
            _pressure.Record(Stopwatch.GetElapsedTime(batch[0].Queued));
            batch.Clear();
        }
        await DropConnection();
    }

    private async Task StoreAlone(Pending one)
    {
        try
        {
            await Store([one]);
        }
        catch (Exception e)
        {
            await DropConnection();
            one.Done.TrySetException(e);
        }
    }

    private async Task Store(List<Pending> batch)
    {
        // A retry racing its original within one batch: the first goes to the database, the rest are duplicates either way.
        var firsts = new List<Pending>(batch.Count);
        var later = new List<Pending>();
        var keys = new HashSet<(string, string)>();
        foreach (var p in batch) (keys.Add((p.Message.Source, p.Message.DedupeKey)) ? firsts : later).Add(p);

        var inserted = await InboxInserts.Insert(await WriterContext(), firsts.ConvertAll(p => p.Message), CancellationToken.None);
        if (inserted.Count > 0) _signal.Notify();
        foreach (var p in firsts) p.Done.TrySetResult(inserted.Contains(p.Message.Id) ? InboxAcceptance.Accepted : InboxAcceptance.Duplicate);
        foreach (var p in later) p.Done.TrySetResult(InboxAcceptance.Duplicate);
    }

    private async Task<PlatformDbContext> WriterContext()
    {
        if (_writerScope is { } open) return open.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        try
        {
            await db.Database.OpenConnectionAsync();
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        _writerScope = scope;
        return db;
    }

    private async Task DropConnection()
    {
        if (_writerScope is not { } open) return;
        _writerScope = null;
        try
        {
            await open.DisposeAsync();
        }
        catch (Exception e)
        {
            _log.LogDebug(e, "Closing the inbox writer's connection failed");
        }
    }

    /// <summary>Stops taking messages; those already queued are still stored.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    private sealed class Pending(InboxMessage message)
    {
        public InboxMessage Message { get; } = message;

        /// <summary>When the sender handed it over, for the wait the writer reports to <see cref="AcceptPressure"/>.</summary>
        public long Queued { get; } = Stopwatch.GetTimestamp();

        // Callers continue on the thread pool, not on the writer's loop, which goes straight back to the queue.
        public TaskCompletionSource<InboxAcceptance> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
