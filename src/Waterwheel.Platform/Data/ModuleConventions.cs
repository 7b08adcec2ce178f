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
    /// Bumps the <c>Version</c> of every modified row that has one: it is the concurrency token behind ETag/If-Match,
    /// so a save that raced another edit fails instead of overwriting it.
    /// </summary>
    public static void BumpVersions(this ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Modified))
            if (entry.Metadata.FindProperty("Version") is { } version)
                entry.Property(version.Name).CurrentValue = (int)entry.Property(version.Name).OriginalValue! + 1;
    }
}
