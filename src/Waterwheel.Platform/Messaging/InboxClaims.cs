namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Claims due messages in one statement. On PostgreSQL several app nodes claim side by side: FOR UPDATE SKIP LOCKED
/// gives each its own rows and the lease lets another node take over from one that died. SQLite has one writer at a
/// time, so the same UPDATE … RETURNING is atomic there without it.
/// </summary>
internal static class InboxClaims
{
    public static Task<List<InboxMessage>> Claim(PlatformDbContext db, string owner, DateTime now, TimeSpan lease, int batch, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(InboxMessage))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE {{table}} SET "LeaseUntil" = {0}, "LeaseOwner" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM {{table}}
                WHERE "ProcessedAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {2} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {2})
                ORDER BY "DueAt", "ReceivedAt", "Id" LIMIT {3} {{skipLocked}})
            RETURNING *
            """;
        return db.Inbox.FromSqlRaw(sql, now + lease, owner, now, batch).AsNoTracking().ToListAsync(ct);
    }
}
