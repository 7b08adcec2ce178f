using Microsoft.EntityFrameworkCore;
using Waterwheel.WeCom.Data;

namespace Waterwheel.WeCom.Tests.Model;

/// <summary>Each provider's migrations describe the current WeCom model: no change waits for a migration.</summary>
public sealed class WeComModelSnapshotTests
{
    [Fact]
    public void Sqlite_context_has_no_pending_model_changes()
    {
        using var db = new SqliteWeComDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run scripts/add-migration.sh WeCom <Name>.");
    }

    [Fact]
    public void Postgres_context_has_no_pending_model_changes()
    {
        using var db = new PostgresWeComDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run scripts/add-migration.sh WeCom <Name>.");
    }
}
