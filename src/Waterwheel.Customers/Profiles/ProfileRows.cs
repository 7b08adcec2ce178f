namespace Waterwheel.Customers.Profiles;

/// <summary>A row that belongs to one profile and moves with it when profiles merge or part.</summary>
internal interface IProfileRow
{
    Guid Id { get; }
    Guid ProfileId { get; set; }
}

internal static class ProfileRows
{
    /// <summary>
    /// A profile's rows as this unit of work sees them: stored ones, plus ones added or moved in memory and not saved
    /// yet, minus ones moved away in memory.
    /// </summary>
    public static async Task<List<T>> Of<T>(this DbSet<T> rows, Guid profileId, CancellationToken ct) where T : class, IProfileRow
    {
        var stored = await rows.Where(r => r.ProfileId == profileId).ToListAsync(ct);
        return stored.Concat(rows.Local).Where(r => r.ProfileId == profileId).DistinctBy(r => r.Id).ToList();
    }
}
