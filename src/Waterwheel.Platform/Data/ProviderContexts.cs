using Microsoft.EntityFrameworkCore.Design;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Data;

// One subclass per provider so that each has its own migrations (Migrations/Sqlite, Migrations/Postgres)
// over the same model.
internal sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options, ActorContext actor)
    : PlatformDbContext(options, actor);

internal sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options, ActorContext actor)
    : PlatformDbContext(options, actor);

internal sealed class SqlitePlatformDesignFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite("Data Source=design.db").Options,
        new ActorContext(new HttpContextAccessor()));
}

internal sealed class PostgresPlatformDesignFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
        new ActorContext(new HttpContextAccessor()));
}
