using System.Linq.Expressions;

namespace Waterwheel.Customers.Profiles.Search;

/// <summary>The orders a profile list can be read in, each ending on the id so that every row has one place.</summary>
internal sealed record ProfileOrder(string Column, bool Descending)
{
    public const string Name = "name";
    public const string FirstSeenAt = "firstseenat";
    public const string LastSeenAt = "lastseenat";

    /// <summary>The requested order, or most recently seen first.</summary>
    public static ProfileOrder Of(string? sort, bool? descending) => sort?.ToLowerInvariant() switch
    {
        Name => new(Name, descending ?? false),
        FirstSeenAt => new(FirstSeenAt, descending ?? false),
        _ => new(LastSeenAt, descending ?? true),
    };

    public IOrderedQueryable<CustomerProfile> Apply(IQueryable<CustomerProfile> rows) => (Column, Descending) switch
    {
        (Name, false) => rows.OrderBy(p => p.Name).ThenBy(p => p.Id),
        (Name, true) => rows.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
        (FirstSeenAt, false) => rows.OrderBy(p => p.FirstSeenAt).ThenBy(p => p.Id),
        (FirstSeenAt, true) => rows.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id),
        (_, false) => rows.OrderBy(p => p.LastSeenAt).ThenBy(p => p.Id),
        _ => rows.OrderByDescending(p => p.LastSeenAt).ThenByDescending(p => p.Id),
    };

    /// <summary>The rows that come after the cursor in this order.</summary>
    public IQueryable<CustomerProfile> After(IQueryable<CustomerProfile> rows, ProfileCursor cursor)
    {
        var (id, name, at) = (cursor.Id, cursor.Name ?? "", cursor.At);
        Expression<Func<CustomerProfile, bool>> next = (Column, Descending) switch
        {
            (Name, false) => p => string.Compare(p.Name, name) > 0 || (p.Name == name && p.Id.CompareTo(id) > 0),
            (Name, true) => p => string.Compare(p.Name, name) < 0 || (p.Name == name && p.Id.CompareTo(id) < 0),
            (FirstSeenAt, false) => p => p.FirstSeenAt > at || (p.FirstSeenAt == at && p.Id.CompareTo(id) > 0),
            (FirstSeenAt, true) => p => p.FirstSeenAt < at || (p.FirstSeenAt == at && p.Id.CompareTo(id) < 0),
            (_, false) => p => p.LastSeenAt > at || (p.LastSeenAt == at && p.Id.CompareTo(id) > 0),
            _ => p => p.LastSeenAt < at || (p.LastSeenAt == at && p.Id.CompareTo(id) < 0),
        };
        return rows.Where(next);
    }
}
