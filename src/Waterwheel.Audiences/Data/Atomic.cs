namespace Waterwheel.Audiences.Data;

internal static class Atomic
{
    /// <summary>
    /// Runs the work in one transaction: a change to the truth and its change-log rows commit together or not at all. On
    /// SQLite the transaction waits its turn among the writers first (<see cref="SqliteWrites"/>).
    /// </summary>
    public static Task<T> Atomically<T>(this AudiencesDbContext db, Func<Task<T>> work, CancellationToken ct) => db.Serialized(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }, ct);

    /// <summary>
    /// Retries work that lost a race to another node (the same profile's first sighting, the tenant's next ordinal): the
    /// database's unique keys and the counter's version decide, and the loser reads the winner's rows on its next try.
    /// </summary>
    public static async Task<T> Retrying<T>(this AudiencesDbContext db, Func<Task<T>> work, CancellationToken ct, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Atomically(work, ct);
            }
            catch (DbUpdateException e) when (attempt < attempts && (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 30) * attempt), ct);
            }
        }
    }
}
