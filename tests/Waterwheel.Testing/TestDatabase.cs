using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waterwheel.Testing;

/// <summary>An empty database of one provider for one test app; dropped afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }
    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> Create(string provider) => provider switch
    {
        "sqlite" => new SqliteTestDatabase(),
        "postgres" => await PostgresTestDatabase.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Use sqlite or postgres."),
    };
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("waterwheel-test-").FullName;

    public override string Provider => "sqlite";
    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "waterwheel.db")}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database in the cluster that ./test.sh starts (WATERWHEEL_TEST_POSTGRES). Without it the test fails:
/// PostgreSQL tests are never silently skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "WATERWHEEL_TEST_POSTGRES";
    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name) => (_server, _name) = (server, name);

    public override string Provider => "postgres";
    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public static async Task<PostgresTestDatabase> Create()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{EnvironmentVariable} is not set: run the tests with ./test.sh, which starts a PostgreSQL cluster.");
        var name = "ww_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
