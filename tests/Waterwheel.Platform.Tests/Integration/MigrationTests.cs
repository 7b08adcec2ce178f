using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Booting on an empty database applies every migration of that provider and creates the first tenant.</summary>
public abstract class MigrationTests<TProvider> where TProvider : IProvider
{
    [Fact]
    public async Task Booting_on_an_empty_database_applies_all_migrations()
    {
        var database = await TestDatabase.Create(TProvider.Name);
        if (database is SqliteTestDatabase)
            File.WriteAllBytes(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource, []); // an empty file
        await using var app = new WaterwheelApp(database);
        _ = app.Services; // boots the server

        var (type, all, applied, pending, tenants) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            return (db.GetType(), db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(),
                (await db.Database.GetPendingMigrationsAsync()).ToList(), await db.Tenants.CountAsync());
        });

        Assert.Equal(TProvider.Name == "sqlite" ? typeof(SqlitePlatformDbContext) : typeof(PostgresPlatformDbContext), type);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
        Assert.Equal(1, tenants);
    }
}

public sealed class MigrationSqlite : MigrationTests<Sqlite>;

public sealed class MigrationPostgres : MigrationTests<Postgres>;
