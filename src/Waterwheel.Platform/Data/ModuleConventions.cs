using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Waterwheel.Platform.Data;

/// <summary>What every module's DbContext does the same way, so that a new module calls these instead of copying them.</summary>
public static class ModuleConventions
{
    /// <summary>Instants are UTC <see cref="DateTime"/> on both providers (see <see cref="UtcDateTimeConverter"/>).</summary>
    public static void UseUtcInstants(this ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Saves after bumping the <c>Version</c> of every modified row that has one: it is the concurrency token behind
    /// ETag/If-Match, so a save that raced another edit fails instead of overwriting it. Changes are detected once, here
    /// and not again by the save (a scan of every tracked entity is much of what a small save costs), and before the
    /// save waits its turn as a write on SQLite (<see cref="SqliteWrites"/>), so the turn is no longer than the write.
    /// </summary>
    public static async Task<int> SaveWithVersionsBumped(this DbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.AutoDetectChangesEnabled)
        {
            BumpVersions(tracker);
            return await db.Serialized(save, ct);
        }
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            BumpVersions(tracker);
            return await db.Serialized(save, ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }

    private static void BumpVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Modified))
            if (entry.Metadata.FindProperty("Version") is { } version)
                entry.Property(version.Name).CurrentValue = (int)entry.Property(version.Name).OriginalValue! + 1;
    }
}
