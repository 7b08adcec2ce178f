using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Waterwheel.Platform.Data;

/// <summary>
/// Gives each module its own namespace of tables: a PostgreSQL schema, or a table-name prefix on SQLite,
/// which has no schemas.
/// </summary>
public static class ModuleTables
{
    public static void Place(ModelBuilder builder, string module, DatabaseFacade database)
    {
        if (database.IsNpgsql())
        {
            builder.HasDefaultSchema(module);
            return;
        }
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
            entity.SetTableName($"{module}_{entity.GetTableName()}");
    }

    // Asked for on every inbox insert and every claim; a context type's model, hence the name, never changes.
    private static readonly ConcurrentDictionary<(Type Context, Type Entity), string> Names = new();

    /// <summary>The quoted, schema-qualified name of an entity's table, for the few statements written in SQL.</summary>
    public static string QuotedName<TEntity>(DbContext db) => Names.GetOrAdd((db.GetType(), typeof(TEntity)), static (_, db) => Look<TEntity>(db), db);

    private static string Look<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in {db.GetType().Name}'s model.");
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }
}
