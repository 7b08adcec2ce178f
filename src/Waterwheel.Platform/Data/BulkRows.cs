using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Waterwheel.Platform.Data;

/// <summary>
/// Appends many new rows of one entity type on the context's connection and inside its open transaction, without the
/// change tracker: PostgreSQL's binary COPY, and on SQLite one prepared INSERT run per row. For write paths whose rows
/// are only ever inserted (an event stream's timeline lines), where tracking each row and saving it through an INSERT
/// statement of its own costs more than the row. The columns, their names and their value conversions are the entity's
/// mapping in the model, so the rows read back through EF exactly as if it had saved them; what EF would fill in on
/// save (generated keys, concurrency tokens, interceptors) is not, so the rows must be complete.
/// </summary>
public static class BulkRows
{
    public static async Task AppendAsync<T>(this DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bulk rows are written inside the caller's transaction, so that they commit with the rest of its work.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new BulkColumn(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = sql.DelimitIdentifier(table.Name, table.Schema);
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        if (db.Database.IsNpgsql()) await Copy(db, into, names, columns, rows, ct);
        else await InsertEach(db, into, names, columns, rows, ct);
    }

    /// <summary>
    /// Writes the rows of <typeparamref name="T"/> the change tracker holds as new through <see cref="AppendAsync{T}"/>
    /// and then treats them as stored, so that the save that follows only updates what changed. For a unit of work that
    /// starts many rows (an event stream's new profiles and identities), where EF's INSERT per row and its parameters cost
    /// more than the rows. The caller writes parents before children, in its open transaction.
    /// </summary>
    public static async Task CopyAddedAsync<T>(this DbContext db, CancellationToken ct) where T : class
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        await db.AppendAsync(added.Select(e => e.Entity).ToList(), ct);
        foreach (var entry in added) entry.State = EntityState.Unchanged;
    }

    private static async Task Copy<T>(DbContext db, string into, string names, List<BulkColumn> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {into} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value) await importer.WriteAsync(value, column.PostgresType, ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task InsertEach<T>(DbContext db, string into, string names, List<BulkColumn> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO {into} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        // Each parameter is configured by its column's mapping (a Guid as SQLite stores it, a decimal as text), once;
        // each row only sets the values.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed record BulkColumn(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>The column's type as PostgreSQL names it, without a length or precision (COPY's binary format has none).</summary>
        public string PostgresType { get; } = Mapping.StoreType.Split('(')[0].Trim();

        /// <summary>The value as the database stores it, after the mapping's conversion (an enum stored by name).</summary>
        public object? Value(object row)
        {
            var value = Property.GetGetter().GetClrValueUsingContainingEntity(row);
            return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }
}
