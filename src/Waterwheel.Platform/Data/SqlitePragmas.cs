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
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
