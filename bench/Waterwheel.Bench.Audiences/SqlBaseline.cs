using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Sql;
using Waterwheel.Testing;

namespace Waterwheel.Bench.Audiences;

/// <summary>The same customers in the member tables of a fresh database, with the indexes that serve these queries best.</summary>
internal static class SqlBaseline
{
    public static readonly Guid Tenant = Guid.Parse("0199c000-0000-7000-8000-0000000000aa");

    // B-tree indexes on what the queries filter by; tags are served by the tag table's (tenant, tag, ordinal) key.
    private static readonly string[] IndexedFields = ["city", "lifecycle_stage", "gender", "consent_wecom", "total_spent", "last_order_on"];

    public static async Task<DbConnection> Load(TestDatabase database, Population people, int count, FieldCatalog catalog)
    {
        var dialect = database.Provider == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite;
        DbConnection connection = database.Provider == "postgres" ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, MemberTables.Create(dialect, catalog));
        var clock = Stopwatch.StartNew();
        if (connection is NpgsqlConnection postgres) await Copy(postgres, people, count, catalog);
        else await Insert(connection, people, count, catalog);
        System.Console.WriteLine($"  {database.Provider}: {count:N0} customers loaded in {clock.Elapsed.TotalSeconds:N0} s");
        clock.Restart();
        foreach (var field in IndexedFields)
        {
            var name = dialect.IsPostgres ? $"members_{field}" : $"audiences_members_{field}";
            await Execute(connection, $"CREATE INDEX {name} ON {dialect.Members} (tenant_id, {field})");
        }
        await Execute(connection, dialect.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE");
        System.Console.WriteLine($"  {database.Provider}: indexes and statistics in {clock.Elapsed.TotalSeconds:N0} s");
        return connection;
    }

    public static async Task<long> Count(DbConnection connection, SqlQuery query)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = query.Text;
        command.CommandTimeout = 3_600;
        foreach (var (name, value) in query.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task Copy(NpgsqlConnection connection, Population people, int count, FieldCatalog catalog)
    {
        var fields = MemberTables.BuiltInFields(catalog).ToList();
        var columns = string.Join(", ", fields.Select(f => f.Name));
        await using (var members = await connection.BeginBinaryImportAsync(
            $"COPY {SqlDialect.Postgres.Members} (tenant_id, ordinal, profile_id, {columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var record in people.Records().Take(count))
            {
                var (values, _) = MemberTables.Row(record, catalog, SqlDialect.Postgres);
                await members.StartRowAsync();
                await members.WriteAsync(Tenant, NpgsqlDbType.Uuid);
                await members.WriteAsync(record.Ordinal, NpgsqlDbType.Integer);
                await members.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                for (var i = 0; i < fields.Count; i++)
                    if (values[i] is null) await members.WriteNullAsync();
                    else await members.WriteAsync(values[i], Type(fields[i].Kind));
            }
            await members.CompleteAsync();
        }
        await using var tags = await connection.BeginBinaryImportAsync(
            $"COPY {SqlDialect.Postgres.MemberTags} (tenant_id, tag_id, ordinal) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
            for (var t = people.TagStart[i]; t < people.TagStart[i + 1]; t++)
            {
                var tag = people.Tags[t];
                await tags.StartRowAsync();
                await tags.WriteAsync(Tenant, NpgsqlDbType.Uuid);
                await tags.WriteAsync(Population.TagIds[tag], NpgsqlDbType.Uuid);
                await tags.WriteAsync(i, NpgsqlDbType.Integer);
            }
        await tags.CompleteAsync();
    }

    private static NpgsqlDbType Type(FieldKind kind) => kind switch
    {
        FieldKind.Enum => NpgsqlDbType.Text,
        FieldKind.Number => NpgsqlDbType.Bigint,
        FieldKind.Date => NpgsqlDbType.Date,
        _ => NpgsqlDbType.Boolean,
    };

    private static async Task Insert(DbConnection connection, Population people, int count, FieldCatalog catalog)
    {
        var fields = MemberTables.BuiltInFields(catalog).ToList();
        await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        await using var transaction = await connection.BeginTransactionAsync();
        await using var member = connection.CreateCommand();
        member.CommandText = $"INSERT INTO {SqlDialect.Sqlite.Members} (tenant_id, ordinal, profile_id, {string.Join(", ", fields.Select(f => f.Name))}) "
            + $"VALUES (@tenant, @ordinal, @profile, {string.Join(", ", fields.Select((_, i) => $"@c{i}"))})";
        var parameters = new[] { "@tenant", "@ordinal", "@profile" }.Concat(fields.Select((_, i) => $"@c{i}")).Select(name =>
        {
            var parameter = member.CreateParameter();
            parameter.ParameterName = name;
            member.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await using var tag = connection.CreateCommand();
        tag.CommandText = $"INSERT INTO {SqlDialect.Sqlite.MemberTags} (tenant_id, tag_id, ordinal) VALUES (@tenant, @tag, @ordinal)";
        var tagParameters = new[] { "@tenant", "@tag", "@ordinal" }.Select(name =>
        {
            var parameter = tag.CreateParameter();
            parameter.ParameterName = name;
            tag.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var tenant = SqlDialect.Sqlite.Id(Tenant);
        foreach (var record in people.Records().Take(count))
        {
            var (values, _) = MemberTables.Row(record, catalog, SqlDialect.Sqlite);
            parameters[0].Value = tenant;
            parameters[1].Value = record.Ordinal;
            parameters[2].Value = Guid.CreateVersion7().ToString("D");
            for (var i = 0; i < values.Length; i++) parameters[i + 3].Value = values[i] ?? DBNull.Value;
            await member.ExecuteNonQueryAsync();
            foreach (var id in record.Tags)
            {
                (tagParameters[0].Value, tagParameters[1].Value, tagParameters[2].Value) = (tenant, SqlDialect.Sqlite.Id(id), record.Ordinal);
                await tag.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3_600;
        await command.ExecuteNonQueryAsync();
    }
}
