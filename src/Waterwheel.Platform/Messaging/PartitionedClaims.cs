namespace Waterwheel.Platform.Messaging;

/// <summary>The columns of a table of claimable messages (the inbox, a module's outbox).</summary>
internal sealed record ClaimColumns(string Done, string Parked, string Arrival);

/// <summary>
/// Claims due messages in one statement, partition by partition. A message is claimable only while nothing earlier in
/// its partition is still open and held back (leased by a live claim, or waiting for its retry): so one customer's
/// messages never run on two nodes at once, and a failing message is not overtaken by the ones behind it. A parked
/// message (out of attempts) no longer holds its partition.
/// </summary>
/// <remarks>
/// On PostgreSQL claimers take turns on a transaction-scoped advisory lock, so each one's statement sees the claims
/// committed before it (a partition check made beside an uncommitted claim would let two nodes into one partition);
/// FOR UPDATE SKIP LOCKED steps past rows another transaction is acknowledging. Claims are one short statement, so
/// taking turns costs little. SQLite has one writer at a time, which is the same guarantee.
/// <para>
/// <paramref name="sources"/> narrows a claim to messages of those sources, for work that must go first (a welcome has 20
/// seconds). Such a claim takes a message only when nothing earlier in its partition is open at all, held back or not:
/// an earlier message of another source that this claim cannot take must not be overtaken.
/// </para>
/// </remarks>
internal static class PartitionedClaims
{
    public static async Task<List<T>> Claim<T>(DbContext db, ClaimColumns c, string owner, DateTime now, TimeSpan lease, int batch, CancellationToken ct,
        IReadOnlyList<string>? sources = null) where T : class
    {
        var table = ModuleTables.QuotedName<T>(db);
        var postgres = db.Database.IsNpgsql();
        // Source names are the modules' own constants, never user input; they are still passed as parameters.
        var onlySources = sources is { Count: > 0 }
            ? "AND m.\"Source\" IN (" + string.Join(", ", sources.Select((_, i) => "{" + (4 + i) + "}")) + ")"
            : "";
        var heldBack = onlySources.Length > 0 ? "" : """AND (e."DueAt" > {2} OR e."LeaseUntil" >= {2})""";
        var sql = $$"""
            UPDATE {{table}} SET "LeaseUntil" = {0}, "LeaseOwner" = {1}
            WHERE "Id" IN (
                SELECT m."Id" FROM {{table}} m
                WHERE m."{{c.Done}}" IS NULL AND m."{{c.Parked}}" IS NULL AND m."DueAt" <= {2} AND (m."LeaseUntil" IS NULL OR m."LeaseUntil" < {2})
                  AND (m."Partition" IS NULL OR NOT EXISTS (
                      SELECT 1 FROM {{table}} e
                      WHERE e."Partition" = m."Partition" AND e."{{c.Done}}" IS NULL AND e."{{c.Parked}}" IS NULL
                        AND (e."{{c.Arrival}}" < m."{{c.Arrival}}" OR (e."{{c.Arrival}}" = m."{{c.Arrival}}" AND e."Id" < m."Id"))
                        {{heldBack}}))
                  {{onlySources}}
                ORDER BY m."{{c.Arrival}}", m."Id" LIMIT {3} {{(postgres ? "FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING *
            """;
        object[] parameters = [now + lease, owner, now, batch, .. sources ?? []];
        if (!postgres) return await db.Serialized(() => db.Set<T>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct), ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TurnKey(table)], ct);
        var claimed = await db.Set<T>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }

    /// <summary>The same 64-bit advisory key for a table on every node (string.GetHashCode differs per process).</summary>
    private static long TurnKey(string table)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in "claim:" + table) hash = (hash ^ ch) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
