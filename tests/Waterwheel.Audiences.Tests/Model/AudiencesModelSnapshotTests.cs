using Microsoft.EntityFrameworkCore;
using Waterwheel.Audiences.Data;
using AudienceSql = Waterwheel.Audiences.Sql;

namespace Waterwheel.Audiences.Tests.Model;

/// <summary>Each provider's migrations describe the current Audiences model: no change waits for a migration.</summary>
public sealed class AudiencesModelSnapshotTests
{
    [Fact]
    public void Sqlite_context_has_no_pending_model_changes()
    {
        using var db = new SqliteAudiencesDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run scripts/add-migration.sh Audiences <Name>.");
    }

    [Fact]
    public void Postgres_context_has_no_pending_model_changes()
    {
        using var db = new PostgresAudiencesDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run scripts/add-migration.sh Audiences <Name>.");
    }

    /// <summary>The SQL translator reads the members' tables as the module writes them: the same names on both providers.</summary>
    [Fact]
    public void The_members_tables_are_where_the_SQL_translator_looks()
    {
        using var sqlite = new SqliteAudiencesDesignFactory().CreateDbContext([]);
        using var postgres = new PostgresAudiencesDesignFactory().CreateDbContext([]);
        Assert.Equal(AudienceSql.SqlDialect.Sqlite.Members, sqlite.Model.FindEntityType(typeof(Waterwheel.Audiences.Members.Member))!.GetTableName());
        var member = postgres.Model.FindEntityType(typeof(Waterwheel.Audiences.Members.Member))!;
        Assert.Equal(AudienceSql.SqlDialect.Postgres.Members, $"{member.GetSchema()}.{member.GetTableName()}");
        var columns = member.GetProperties().Select(p => p.GetColumnName()).ToHashSet();
        foreach (var field in AudienceSql.MemberTables.BuiltInFields(new Waterwheel.Audiences.Segments.FieldCatalog())) Assert.Contains(field.Name, columns);
    }
}
