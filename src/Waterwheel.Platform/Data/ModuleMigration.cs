using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Waterwheel.Platform.Data;

/// <summary>Brings one module's database up to date at start-up.</summary>
public interface IModuleMigration
{
    Task MigrateAsync(IServiceProvider services, CancellationToken ct);
}

internal sealed class ModuleMigration<TContext> : IModuleMigration where TContext : DbContext
{
    public async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsNpgsql()) await CreateHistoryTable(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL, EF reads the module's migration history before creating it and logs the read's failure as an
    /// error on every fresh database (npgsql/efcore.pg#3407), so that a clean first start looks broken. Creating the
    /// table first makes that read succeed; the migrator's own lock still decides who migrates.
    /// </summary>
    private static async Task CreateHistoryTable(TContext db, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateSchema)
        {
            // Another node created it between the check and the create: that is what was wanted.
        }
    }
}
