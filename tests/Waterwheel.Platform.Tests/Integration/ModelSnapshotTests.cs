using Microsoft.EntityFrameworkCore;
using Waterwheel.Platform.Data;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Each provider's migrations describe the current model: no change waits for a migration.</summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void Sqlite_context_has_no_pending_model_changes()
    {
        using var db = new SqlitePlatformDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void Postgres_context_has_no_pending_model_changes()
    {
        using var db = new PostgresPlatformDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run scripts/add-migration.sh.");
    }
}
