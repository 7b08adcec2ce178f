namespace Waterwheel.Customers.Contracts;

/// <summary>A WeCom contact and the moment from which its orders count (when it added a guide, say).</summary>
public sealed record ContactSince(string ExternalUserId, DateTime Since);

/// <summary>
/// What other modules may know of the orders of the acting tenant's customers without reading the Customers module's
/// tables: an order is a completed order on the customer's timeline, imported from a shop or tracked by a source.
/// Runs as the current actor: a background caller acts as the tenant's system actor first.
/// </summary>
public interface ICustomerOrders
{
    /// <summary>
    /// For each contact, the first order its person (the profile holding the contact now, merges followed) placed at or
    /// after its <see cref="ContactSince.Since"/> and no later than <paramref name="within"/> after it, by external_userid.
    /// A contact with no such order, or no profile yet, is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTime>> FirstOrders(IReadOnlyList<ContactSince> contacts, TimeSpan within, CancellationToken ct);
}
