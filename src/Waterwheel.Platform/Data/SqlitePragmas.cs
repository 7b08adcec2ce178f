using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waterwheel.Platform.Data;

/// <summary>
/// SQLite settings for the embedded default, applied to every connection: WAL lets readers run beside the one writer,
/// synchronous=NORMAL drops the fsync per commit that WAL does not need for crash safety of the application (only a
/// power cut can lose the last commits), and a busy timeout makes writers queue instead of failing.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsReadOnly(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (IsReadOnly(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    // EF opens a read-only connection to ask whether the file exists; setting the journal mode would be a write.
    private static bool IsReadOnly(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
}
