using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Waterwheel.Customers.Profiles.Search;

/// <summary>
/// Keeps a profile's name terms in step with its name in the same save, whichever use case changed the name (an
/// identify, a WeCom add, a merge filling a gap, an erasure blanking it), so that no path can forget the index.
/// </summary>
internal static class NameTermUpkeep
{
    public static void Apply(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<CustomerProfile>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Name).IsModified))
            .ToList();
        foreach (var entry in changed)
        {
            var profile = entry.Entity;
            var before = entry.State == EntityState.Added ? new HashSet<string>() : NameTerms.Of(entry.Property(p => p.Name).OriginalValue);
            var after = NameTerms.Of(profile.Name);
            foreach (var term in before.Except(after)) Remove(db, profile, term);
            foreach (var term in after.Except(before)) Add(db, profile, term);
        }
    }

    private static void Remove(DbContext db, CustomerProfile profile, string term)
    {
        var row = Tracked(db, profile, term);
        if (row is null) db.Remove(new ProfileNameTerm { TenantId = profile.TenantId, Term = term, ProfileId = profile.Id });
        else if (row.State == EntityState.Added) row.State = EntityState.Detached;
        else row.State = EntityState.Deleted;
    }

    private static void Add(DbContext db, CustomerProfile profile, string term)
    {
        var row = Tracked(db, profile, term);
        if (row is null) db.Add(new ProfileNameTerm { TenantId = profile.TenantId, Term = term, ProfileId = profile.Id });
        // A name changed back within one unit of work: the row that was to go stays.
        else if (row.State == EntityState.Deleted) row.State = EntityState.Unchanged;
    }

    // By key, not by walking the tracker: a batch of tracking calls tracks thousands of rows.
    private static EntityEntry<ProfileNameTerm>? Tracked(DbContext db, CustomerProfile profile, string term) =>
        db.Set<ProfileNameTerm>().Local.FindEntryUntyped([profile.TenantId, term, profile.Id]);
}
