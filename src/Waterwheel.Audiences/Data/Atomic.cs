namespace Waterwheel.Audiences.Data;

internal static class Atomic
{
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
