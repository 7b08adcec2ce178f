namespace Waterwheel.Platform.Api;

/// <summary>Saving and reading shapes every use case shares.</summary>
public static class Persistence
{
    /// <summary>
    /// Saves, or reports the race it lost: someone else changed the row first (412) or took the same unique value (409).
    /// See <see cref="DatabaseErrors"/>; saves that do not come through here are mapped the same way by the API's
    /// exception handler.
    /// </summary>
    public static async Task<Error?> SaveOrStale(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (DatabaseErrors.ToError(e) is { } error)
        {
            return error;
        }
    }

    /// <summary>One page of a filtered and ordered query, with the total count of matching rows.</summary>
    public static async Task<Page<TDto>> ToPage<TEntity, TDto>(
        this IQueryable<TEntity> ordered, Func<IQueryable<TEntity>, IQueryable<TDto>> project, PageQuery query, CancellationToken ct)
    {
        // The one place every list pages: out-of-range numbers are the client's 400 here, not an overflowed OFFSET.
        if (query.Invalid() is { } invalid) throw new InvalidRequestException(invalid);
        var total = await ordered.CountAsync(ct);
        var items = await project(ordered.Skip(query.Skip).Take(query.Take)).ToListAsync(ct);
        return new Page<TDto>(items, total, query.PageNumber, query.Take);
    }
}
