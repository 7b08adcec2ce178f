using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Data;

/// <summary>Registers a module's DbContext on the configured provider; each module calls it for its own context.</summary>
public static class ModuleDatabase
{
    /// <param name="module">The module's schema (PostgreSQL) or table prefix (SQLite); also names its migration history.</param>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string module)
        where TContext : DbContext where TSqlite : TContext where TPostgres : TContext
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.IsPostgres)
            services.AddDbContext<TContext, TPostgres>(o => o.UseNpgsql(options.ConnectionString,
                // Each module keeps its own migration history, so modules migrate independently.
                x => x.MigrationsHistoryTable("__EFMigrationsHistory", module)).Strict(options));
        else if (options.IsSqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
            services.AddDbContext<TContext, TSqlite>(o => o.UseSqlite(options.ConnectionString,
                x => x.MigrationsHistoryTable($"{module}___EFMigrationsHistory")).AddInterceptors(SqlitePragmaInterceptor).Strict(options));
        }
        else
            throw new InvalidOperationException(
                $"Waterwheel:Database:Provider is '{options.Provider}'; use 'sqlite' (the default) or 'postgres'.");
        services.AddSingleton<IModuleMigration, ModuleMigration<TContext>>();
        return services;
    }

    private static readonly SqlitePragmas SqlitePragmaInterceptor = new();

    private static DbContextOptionsBuilder Strict(this DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.StrictQueries ? builder.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)) : builder;

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
