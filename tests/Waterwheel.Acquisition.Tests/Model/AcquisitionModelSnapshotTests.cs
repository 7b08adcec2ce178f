using Microsoft.EntityFrameworkCore;
using Waterwheel.Acquisition.Data;

namespace Waterwheel.Acquisition.Tests.Model;

/// <summary>Each provider's migrations describe the current Acquisition model: no change waits for a migration.</summary>
public sealed class AcquisitionModelSnapshotTests
{
    [Fact]
    public void Sqlite_context_has_no_pending_model_changes()
    {
        using var db = new SqliteAcquisitionDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run scripts/add-migration.sh Acquisition <Name>.");
    }

    [Fact]
    public void Postgres_context_has_no_pending_model_changes()
    {
        using var db = new PostgresAcquisitionDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run scripts/add-migration.sh Acquisition <Name>.");
    }
}
