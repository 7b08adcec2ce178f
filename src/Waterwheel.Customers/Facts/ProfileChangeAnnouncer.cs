using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Contracts;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Facts;

/// <summary>
/// Tells other modules, in the save that changes them, which profiles' segmentable facts changed, whichever use case
/// changed them (an identify, a WeCom add, an order, a merge, an undo, an erasure, a consent record, an import), so that
/// no path can forget to. A touch that changes nothing segments read (a page view's last-seen time within the same
/// day) is not news.
/// </summary>
internal static class ProfileChangeAnnouncer
{
    private static readonly string[] Segmentable =
    [
        nameof(CustomerProfile.Gender), nameof(CustomerProfile.Birthday), nameof(CustomerProfile.Province), nameof(CustomerProfile.City),
        nameof(CustomerProfile.Attributes), nameof(CustomerProfile.FirstSeenAt), nameof(CustomerProfile.OwnerStaffId),
        nameof(CustomerProfile.OwnerStoreId), nameof(CustomerProfile.OwnerDealerId), nameof(CustomerProfile.OrderCount),
        nameof(CustomerProfile.TotalSpent), nameof(CustomerProfile.LastOrderAt), nameof(CustomerProfile.MergedIntoId), nameof(CustomerProfile.ErasedAt),
    ];

    /// <summary>Call after changes were detected and before the save.</summary>
    public static void Apply(DbContext db, DateTime now)
    {
        var changed = new HashSet<(Guid Tenant, Guid Profile)>();
        foreach (var entry in db.ChangeTracker.Entries<CustomerProfile>())
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && Matters(entry)))
                changed.Add((entry.Entity.TenantId, entry.Entity.Id));
        foreach (var entry in db.ChangeTracker.Entries<ConsentRecord>())
            if (entry.State == EntityState.Added && entry.Entity.ProfileId is { } profile)
                changed.Add((entry.Entity.TenantId, profile));
        foreach (var tenant in changed.GroupBy(c => c.Tenant))
            foreach (var profiles in tenant.Select(c => c.Profile).Chunk(CustomerProfilesChanged.MaxProfiles))
                db.Publish(new CustomerProfilesChanged(tenant.Key, profiles), now);
    }

    private static bool Matters(EntityEntry<CustomerProfile> entry)
    {
        if (Segmentable.Any(name => entry.Property(name) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue))) return true;
        // The lifecycle stage of a customer without orders moves with their last visit, counted in days.
        var seen = entry.Property(p => p.LastSeenAt);
        return seen.IsModified && seen.OriginalValue.Date != seen.CurrentValue.Date;
    }
}
