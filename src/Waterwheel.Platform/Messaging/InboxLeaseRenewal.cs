using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Keeps a round's claims alive while its handlers run, so that a handler slower than the lease (a WeCom call waiting
/// out a rate budget, a retried network error) is never handed to a second node. A node that dies stops renewing and
/// its claims lapse after one lease.
/// </summary>
internal sealed class InboxLeaseRenewal(IServiceScopeFactory scopes, TimeProvider time, string owner, TimeSpan lease)
{
    public async Task Run(ConcurrentDictionary<Guid, byte> held, CancellationToken roundOver)
    {
        // Pacing is machine time: a frozen test clock must not renew in a tight loop, nor the real one too late.
        var every = lease / 3;
        while (!roundOver.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, roundOver);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            List<Guid> ids = [.. held.Keys];
            if (ids.Count == 0) continue;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var until = time.GetUtcNow().UtcDateTime + lease;
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                await db.Serialized(() => db.Inbox.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.ProcessedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), CancellationToken.None), CancellationToken.None);
            }
            catch (Exception) when (!roundOver.IsCancellationRequested)
            {
                // A renewal lost to a passing database error is retried on the next tick: a lease spans three of them.
            }
        }
    }
}
