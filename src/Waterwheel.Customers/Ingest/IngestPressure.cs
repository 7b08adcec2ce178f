using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Back-pressure for the tracking API: a call is refused (429, Retry-After) rather than queued in memory when this node
/// already stores many, or when the cluster's unhandled backlog is past its limit. A refused call stored nothing, so the
/// sender's retry is the only copy and nothing is lost or doubled.
/// </summary>
internal sealed class IngestPressure(IServiceScopeFactory scopes, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly IngestOptions _options = options.Value;
    private int _inFlight;
    private int _checking;
    private long _nextCheck;
    private volatile bool _backlogFull;

    public bool TryEnter(int calls)
    {
        RefreshBacklog();
        if (_backlogFull) return false;
        if (Interlocked.Add(ref _inFlight, calls) <= _options.MaxInFlight) return true;
        Interlocked.Add(ref _inFlight, -calls);
        return false;
    }

    public void Exit(int calls) => Interlocked.Add(ref _inFlight, -calls);

    // One count at a time, in the background: callers never wait for it.
    private void RefreshBacklog()
    {
        var now = time.GetTimestamp();
        if (now < Interlocked.Read(ref _nextCheck) || Interlocked.Exchange(ref _checking, 1) == 1) return;
        Interlocked.Exchange(ref _nextCheck, now + (long)(_options.BacklogCheck.TotalSeconds * time.TimestampFrequency));
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pending = await scope.ServiceProvider.GetRequiredService<IInboxBacklog>()
                    .Pending(TrackingInbox.Source, _options.MaxBacklog + 1, CancellationToken.None);
                _backlogFull = pending > _options.MaxBacklog;
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                // A failed count leaves the last answer standing; the next call past the interval counts again.
            }
            finally
            {
                Volatile.Write(ref _checking, 0);
            }
        });
    }
}
