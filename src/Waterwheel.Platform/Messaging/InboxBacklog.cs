namespace Waterwheel.Platform.Messaging;

/// <summary>How much of one source waits in the inbox, for a module that must say "slow down" before the backlog grows without bound.</summary>
public interface IInboxBacklog
{
    /// <summary>Messages of the source not yet handled nor given up on, counted up to <paramref name="atMost"/> (the count stops there).</summary>
    Task<int> Pending(string source, int atMost, CancellationToken ct);
}

internal sealed class InboxBacklog(PlatformDbContext db) : IInboxBacklog
{
    public Task<int> Pending(string source, int atMost, CancellationToken ct) =>
        // Ordered by the source the filter fixes (free on its index), so that the limit is well defined.
        db.Inbox.AsNoTracking().Where(m => m.Source == source && m.ProcessedAt == null && m.FailedAt == null)
            .OrderBy(m => m.Source).Take(atMost).CountAsync(ct);
}
