using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waterwheel.Bench.Ingest;

/// <summary>
/// The bench's own fresh database of one provider (a SQLite file in a temporary folder, or a ww_bench_ingest_* database
/// on the PostgreSQL server, apart from the tests' ww_test_* ones), and the few statements the parent runs on it
/// directly: counting what the server processed, and the baseline's plain inserts.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _folder;

    private BenchDatabase(string provider, string connectionString, string? server, string? folder) =>
        (Provider, ConnectionString, _server, _folder) = (provider, connectionString, server, folder);

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool Postgres => Provider == "postgres";

    public string Timeline => Postgres ? "\"customers\".\"timeline\"" : "\"customers_timeline\"";
    public string Inbox => Postgres ? "\"platform\".\"inbox\"" : "\"platform_inbox\"";
    public string Profiles => Postgres ? "\"customers\".\"profiles\"" : "\"customers_profiles\"";
    public string Identities => Postgres ? "\"customers\".\"identities\"" : "\"customers_identities\"";
    public string Baseline => Postgres ? "\"customers\".\"timeline_baseline\"" : "\"customers_timeline_baseline\"";

    public static async Task<BenchDatabase> Create(string provider, string? postgres)
    {
        if (provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("waterwheel-bench-ingest-").FullName;
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "waterwheel.db")}", null, folder);
        }
        var name = "ww_bench_ingest_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
        return new BenchDatabase(provider, connectionString, postgres, null);
    }

    public async Task<DbConnection> Open()
    {
        DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        // The server's own setting on every connection (SqlitePragmas): WAL, and no fsync per commit.
        if (!Postgres) await Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        return connection;
    }

    public static async Task<long> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How the inbox's tracking messages fared: retried at least once, given up on, still open, and in all.</summary>
    public async Task<InboxFate> Fate(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT SUM(CASE WHEN "Attempts" > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN "FailedAt" IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN "ProcessedAt" IS NULL AND "FailedAt" IS NULL THEN 1 ELSE 0 END), COUNT(*)
            FROM {Inbox} WHERE "Source" = 'customers.tracking'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        long At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i));
        var fate = new InboxFate(At(0), At(1), At(2), At(3), []);
        await reader.CloseAsync();
        command.CommandText = $"""SELECT "Source" || ': ' || "LastError" FROM {Inbox} WHERE "LastError" IS NOT NULL LIMIT 3""";
        await using var errors = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await errors.ReadAsync()) texts.Add(errors.GetString(0));
        return fate with { Errors = texts };
    }

    /// <summary>An empty copy of the timeline table, with its indexes, for the baseline's plain inserts.</summary>
    public async Task CreateBaselineTable(DbConnection connection)
    {
        if (Postgres)
        {
            await Execute(connection, $"CREATE TABLE {Baseline} (LIKE {Timeline} INCLUDING ALL)");
            return;
        }
        var statements = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'customers_timeline' AND sql IS NOT NULL ORDER BY type DESC";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) statements.Add(reader.GetString(0).Replace("customers_timeline", "customers_timeline_baseline"));
        }
        foreach (var sql in statements) await Execute(connection, sql);
    }

    /// <summary>One multi-row INSERT of timeline rows into the baseline table, in its own (implicit) transaction.</summary>
    public async Task InsertBaseline(DbConnection connection, IReadOnlyList<TimelineRow> rows)
    {
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"""INSERT INTO {Baseline} ("Id", "TenantId", "ProfileId", "OccurredAt", "Kind", "Subject", "Detail", "Properties", "SourceId", "SourceKey") VALUES """);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (i > 0) sql.Append(", ");
            sql.Append('(');
            Add(command, sql, i, "id", Id(r.Id)); sql.Append(", ");
            Add(command, sql, i, "t", Id(r.TenantId)); sql.Append(", ");
            Add(command, sql, i, "p", Id(r.ProfileId)); sql.Append(", ");
            Add(command, sql, i, "o", r.OccurredAt); sql.Append(", ");
            Add(command, sql, i, "k", r.Kind); sql.Append(", ");
            Add(command, sql, i, "s", (object?)r.Subject ?? DBNull.Value); sql.Append(", NULL, ");
            Add(command, sql, i, "j", (object?)r.Properties ?? DBNull.Value); sql.Append(", ");
            Add(command, sql, i, "src", Id(r.SourceId)); sql.Append(", ");
            Add(command, sql, i, "key", r.SourceKey);
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    // As EF stores them: uuid on PostgreSQL, upper-case text on SQLite.
    private object Id(Guid id) => Postgres ? id : id.ToString().ToUpperInvariant();

    private static void Add(DbCommand command, StringBuilder sql, int row, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@{name}{row}";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        sql.Append(parameter.ParameterName);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

internal sealed record InboxFate(long Retried, long GivenUp, long Open, long Total, IReadOnlyList<string> Errors);

/// <summary>A timeline line as the tracking handler writes it, for the baseline.</summary>
internal sealed record TimelineRow(Guid Id, Guid TenantId, Guid ProfileId, DateTime OccurredAt, string Kind, string? Subject, string? Properties, Guid SourceId, string SourceKey);
