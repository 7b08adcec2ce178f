using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Data;

/// <summary>The audit log is append-only: an update or delete of a line is a programming error.</summary>
internal static class AuditLogGuard
{
    public static void RejectChangesToHistory(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit log entries are append-only.");
    }
}
