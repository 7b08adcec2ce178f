using Microsoft.EntityFrameworkCore;
using Waterwheel.Customers.Data;

namespace Waterwheel.Customers.Tests.Model;

/// <summary>Each provider's migrations describe the current Customers model: no change waits for a migration.</summary>
public sealed class CustomersModelSnapshotTests
{
    [Fact]
    public void Sqlite_context_has_no_pending_model_changes()
    {
        using var db = new SqliteCustomersDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run scripts/add-migration.sh Customers <Name>.");
    }

    [Fact]
    public void Postgres_context_has_no_pending_model_changes()
    {
        using var db = new PostgresCustomersDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run scripts/add-migration.sh Customers <Name>.");
    }
}
