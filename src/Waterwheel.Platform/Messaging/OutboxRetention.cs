using Waterwheel.Platform.Jobs;

namespace Waterwheel.Platform.Messaging;

/// <summary>Deletes relayed outbox rows after a week; the subscribers' inbox holds the events from then on.</summary>
internal sealed class OutboxRetention<TContext>(TContext db, TimeProvider time) : IRecurringJob where TContext : DbContext
{
    public static readonly TimeSpan KeepRelayed = TimeSpan.FromDays(7);

    public async Task Run(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - KeepRelayed;
        await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.RelayedAt != null && m.RelayedAt < before).ExecuteDeleteAsync(ct);
    }
}
