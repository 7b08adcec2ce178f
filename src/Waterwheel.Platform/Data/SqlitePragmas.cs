using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waterwheel.Platform.Data;

/// <summary>
/// SQLite settings for the embedded default, applied to every connection: WAL lets readers run beside the one writer,
/// synchronous=NORMAL drops the fsync per commit that WAL does not need for crash safety of the application (only a
/// power cut can lose the last commits), and a busy timeout makes writers queue instead of failing. Every open also
/// registers the Chinese collation (<see cref="ChineseCollation"/>).
/// </summary>
/// <remarks>
/// EF opens a connection for every query and save, and the pool hands back the same native connection again and
/// again; the settings live as long as that native connection, so they are applied once to each, not at every open.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly ConcurrentDictionary<string, bool> _readOnly = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Collation(connection);
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Collation(connection);
        if (!NeedsPragmas(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
        Configured(connection);
    }

    // Unlike the pragmas, a collation belongs to the SqliteConnection object, which unregisters it when it closes and hands
    // its native connection back to the pool: it is made known at every open (one native call).
    private static void Collation(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite) ChineseCollation.Register(sqlite);
    }

    private bool NeedsPragmas(DbConnection connection) =>
        !IsReadOnly(connection) && (connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _));

    private void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _configured.AddOrUpdate(handle, this);
    }

    // EF opens a read-only connection to ask whether the file exists; setting the journal mode would be a write.
    private bool IsReadOnly(DbConnection connection) => _readOnly.GetOrAdd(connection.ConnectionString,
        static c => new SqliteConnectionStringBuilder(c).Mode == SqliteOpenMode.ReadOnly);
}
