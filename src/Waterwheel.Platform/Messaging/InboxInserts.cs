using System.Text;

namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Stores several inbox messages in one statement and says which were new. The unique (Source, DedupeKey) index decides
/// duplicates: ON CONFLICT DO NOTHING skips a row already stored (by an earlier delivery, or by another node at the same
/// moment). Same SQL on SQLite and PostgreSQL; one statement, one commit.
/// </summary>
internal static class InboxInserts
{
    public static async Task<HashSet<Guid>> Insert(PlatformDbContext db, IReadOnlyList<InboxMessage> messages, CancellationToken ct)
    {
        var table = ModuleTables.QuotedName<InboxMessage>(db);
        var sql = new StringBuilder($"""INSERT INTO {table} ("Id", "TenantId", "Source", "DedupeKey", "Payload", "Partition", "ReceivedAt", "DueAt", "Attempts") VALUES """);
        var parameters = new List<object>(messages.Count * 7);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (i > 0) sql.Append(", ");
            sql.Append('(').Append(Parameter(parameters, m.Id)).Append(", ")
                .Append(m.TenantId is { } tenant ? Parameter(parameters, tenant) : "NULL").Append(", ")
                .Append(Parameter(parameters, m.Source)).Append(", ")
                .Append(Parameter(parameters, m.DedupeKey)).Append(", ")
                .Append(Parameter(parameters, m.Payload)).Append(", ")
                .Append(m.Partition is { } partition ? Parameter(parameters, partition) : "NULL").Append(", ")
                .Append(Parameter(parameters, m.ReceivedAt)).Append(", ")
                .Append(Parameter(parameters, m.DueAt)).Append(", 0)");
        }
        sql.Append(""" ON CONFLICT ("Source", "DedupeKey") DO NOTHING""");
        // A plain command, not a query: EF compiles nothing for it, however many rows this batch has.
        var stored = await db.Serialized(() => db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct), ct);
        List<Guid> ids = [.. messages.Select(m => m.Id)];
        if (stored == messages.Count) return [.. ids];
        // Some were stored already (retries); only then ask which of ours went in. The ids are fresh, so ours are ours.
        return [.. await db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)];
    }

    // EF turns each value into a parameter of the provider's own type mapping, so ids and instants are stored exactly as
    // the entity's other reads and writes expect them.
    private static string Parameter(List<object> parameters, object value)
    {
        parameters.Add(value);
        return $"{{{parameters.Count - 1}}}";
    }
}
