using Waterwheel.Customers.Contracts;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;

namespace Waterwheel.Customers.Facts;

/// <summary>
/// The Customers module's answer to <see cref="ICustomerOrders"/>: contacts to profiles through their identities, then
/// the profiles' completed orders in the span all the contacts cover, read in chunks so no query names thousands of ids.
/// </summary>
internal sealed class CustomerOrdersReader(CustomersDbContext db, IdentityKeys keys) : ICustomerOrders
{
    private const int Chunk = 500;

    public async Task<IReadOnlyDictionary<string, DateTime>> FirstOrders(IReadOnlyList<ContactSince> contacts, TimeSpan within, CancellationToken ct)
    {
        var found = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        if (contacts.Count == 0) return found;
        var profileOf = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var keyOf = contacts.Select(c => c.ExternalUserId).Distinct().ToDictionary(id => keys.Key(IdentityType.WeComExternalUserId, id), id => id);
        foreach (var chunk in keyOf.Keys.Chunk(Chunk))
        {
            var held = await db.Identities.AsNoTracking().Where(i => i.Type == IdentityType.WeComExternalUserId && chunk.Contains(i.Key))
                .Select(i => new { i.Key, i.ProfileId }).ToListAsync(ct);
            foreach (var identity in held) profileOf[keyOf[identity.Key]] = identity.ProfileId;
        }

        var from = contacts.Min(c => c.Since);
        var until = contacts.Max(c => c.Since) + within;
        var orders = new Dictionary<Guid, List<DateTime>>();
        foreach (var chunk in profileOf.Values.Distinct().Chunk(Chunk))
        {
            var placed = await db.Timeline.AsNoTracking()
                .Where(t => chunk.Contains(t.ProfileId) && t.Kind == TimelineKind.Tracked && t.Subject == OrderEvents.OrderCompleted
                    && t.OccurredAt >= from && t.OccurredAt <= until)
                .Select(t => new { t.ProfileId, t.OccurredAt }).ToListAsync(ct);
            foreach (var order in placed)
            {
                if (!orders.TryGetValue(order.ProfileId, out var list)) orders[order.ProfileId] = list = [];
                list.Add(order.OccurredAt);
            }
        }

        foreach (var contact in contacts)
        {
            if (!profileOf.TryGetValue(contact.ExternalUserId, out var profile) || !orders.TryGetValue(profile, out var placedAt)) continue;
            var first = placedAt.Where(at => at >= contact.Since && at <= contact.Since + within).DefaultIfEmpty().Min();
            if (first != default && (!found.TryGetValue(contact.ExternalUserId, out var known) || first < known)) found[contact.ExternalUserId] = first;
        }
        return found;
    }
}
