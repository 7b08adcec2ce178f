namespace Waterwheel.Platform.Messaging;

public enum InboxAcceptance { Accepted, Duplicate }

/// <summary>The door for incoming messages: store first, answer the sender, process later.</summary>
public interface IInbox
{
    Task<InboxAcceptance> AcceptAsync(string source, string dedupeKey, Guid? tenantId, string payload, CancellationToken ct, string? partition = null);
}

internal sealed class Inbox(PlatformDbContext db, TimeProvider time, InboxSignal signal) : IInbox
{
    public async Task<InboxAcceptance> AcceptAsync(string source, string dedupeKey, Guid? tenantId, string payload, CancellationToken ct, string? partition = null)
    {
        if (await IsStored(source, dedupeKey, ct)) return InboxAcceptance.Duplicate;
        var now = time.GetUtcNow().UtcDateTime;
        var message = new InboxMessage { Source = source, DedupeKey = dedupeKey, TenantId = tenantId, Payload = payload, Partition = partition, ReceivedAt = now, DueAt = now };
        db.Inbox.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same message raced past the check: the unique index kept one.
            db.Entry(message).State = EntityState.Detached;
            if (await IsStored(source, dedupeKey, ct)) return InboxAcceptance.Duplicate;
            throw;
        }
        signal.Notify();
        return InboxAcceptance.Accepted;
    }

    private Task<bool> IsStored(string source, string dedupeKey, CancellationToken ct) =>
        db.Inbox.AsNoTracking().AnyAsync(m => m.Source == source && m.DedupeKey == dedupeKey, ct);
}
